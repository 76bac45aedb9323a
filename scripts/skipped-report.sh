#!/usr/bin/env bash
# Lists every skipped test with its reason, from the surefire XML reports, so that a
# skipped test is never mistaken for a passed one.
root=${1:-.}
reports=$(find "$root" -path '*/target/surefire-reports/TEST-*.xml' 2>/dev/null)
[ -n "$reports" ] || exit 0
out=$(python3 - $reports <<'PY'
import sys, xml.etree.ElementTree as ET
for f in sys.argv[1:]:
    try:
        tree = ET.parse(f)
    except ET.ParseError:
        continue
    for tc in tree.getroot().iter('testcase'):
        s = tc.find('skipped')
        if s is not None:
            # Surefire puts a JUnit 5 assumption's reason only in the element's text, as the
            # first line of the stack trace: "org.opentest4j.TestAbortedException: Assumption failed: why".
            reason = s.get('message') or ((s.text or '').strip().splitlines() or [''])[0]
            for noise in ('org.opentest4j.TestAbortedException: ', 'Assumption failed: '):
                reason = reason.replace(noise, '', 1) if reason.startswith(noise) else reason
            print(f"  SKIPPED {tc.get('classname')}.{tc.get('name')}: {reason or '(no reason given)'}")
PY
)
if [ -n "$out" ]; then
  echo
  echo "Skipped tests (not passed), with reasons:"
  echo "$out"
fi
