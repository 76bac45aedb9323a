package io.proxima.dns;

import static io.proxima.dns.Messages.CLASS_CH;
import static io.proxima.dns.Messages.CLASS_IN;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answer building, without sockets or Netty pipelines. */
class LookupTest {

    private final Lookup lookup = new Lookup(TestZones.config("site-a"));

    @Test
    void anRrsetIsAnAuthoritativeAnswer() {
        Answer a = lookup.answer("www.example.net.", Messages.TYPE_A, CLASS_IN);
        assertThat(a.rcode()).isEqualTo(DnsResponseCode.NOERROR);
        assertThat(a.authoritative()).isTrue();
        assertThat(a.answers()).extracting(StaticRecord::name, StaticRecord::type, StaticRecord::timeToLive)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("www.example.net.", DnsRecordType.A, 60L));
        assertThat(ByteBufBytes.of(a.answers().get(0).content())).containsExactly(198, 51, 100, 80);
        assertThat(a.authority()).isEmpty();
    }

    @Test
    void caseDoesNotMatter() {
        assertThat(lookup.answer("WWW.EXAMPLE.NET.", Messages.TYPE_A, CLASS_IN))
                .isSameAs(lookup.answer("www.example.net.", Messages.TYPE_A, CLASS_IN));
    }

    @Test
    void aMissingNameIsNxdomainWithTheSoaAtItsNegativeTtl() {
        Answer a = lookup.answer("nope.example.net.", Messages.TYPE_A, CLASS_IN);
        assertThat(a.rcode()).isEqualTo(DnsResponseCode.NXDOMAIN);
        assertThat(a.authoritative()).isTrue();
        assertThat(a.answers()).isEmpty();
        assertThat(a.authority()).singleElement().satisfies(soa -> {
            assertThat(soa.type()).isEqualTo(DnsRecordType.SOA);
            assertThat(soa.name()).isEqualTo("example.net.");
            assertThat(soa.timeToLive()).as("min(SOA TTL 3600, MINIMUM 60), RFC 2308 section 3").isEqualTo(60);
        });
    }

    @Test
    void aMissingTypeAndAnEmptyNonTerminalAreNodata() {
        for (String name : List.of("ns1.example.net.", "b.deep.example.net.", "deep.example.net.")) {
            Answer a = lookup.answer(name, Messages.TYPE_AAAA, CLASS_IN);
            assertThat(a.rcode()).as(name).isEqualTo(DnsResponseCode.NOERROR);
            assertThat(a.answers()).as(name).isEmpty();
            assertThat(a.authority()).as(name).hasSize(1);
        }
    }

    @Test
    void anyGetsOneRrset() {
        Answer a = lookup.answer("www.example.net.", Messages.TYPE_ANY, CLASS_IN);
        assertThat(a.answers()).hasSize(1).allSatisfy(r -> assertThat(r.type()).isEqualTo(DnsRecordType.A));
    }

    @Test
    void outsideTheZoneOtherClassesAndTransfersAreRefused() {
        assertThat(lookup.answer("www.example.org.", Messages.TYPE_A, CLASS_IN)).isSameAs(Answer.REFUSED);
        assertThat(lookup.answer("net.", Messages.TYPE_NS, CLASS_IN)).isSameAs(Answer.REFUSED);
        assertThat(lookup.answer(".", Messages.TYPE_NS, CLASS_IN)).isSameAs(Answer.REFUSED);
        assertThat(lookup.answer("example.net.", Messages.TYPE_AXFR, CLASS_IN)).isSameAs(Answer.REFUSED);
        assertThat(lookup.answer("example.net.", 251, CLASS_IN)).isSameAs(Answer.REFUSED);
        assertThat(lookup.answer("www.example.net.", Messages.TYPE_A, 4)).isSameAs(Answer.REFUSED);
        assertThat(Answer.REFUSED.authoritative()).isFalse();
    }

    @Test
    void chaosIdentityNamesAnswerTheNodeNameAndNothingElse() {
        for (String name : Lookup.IDENTITY_NAMES) {
            Answer a = lookup.answer(name, Messages.TYPE_TXT, CLASS_CH);
            assertThat(a.rcode()).isEqualTo(DnsResponseCode.NOERROR);
            assertThat(a.answers()).singleElement().satisfies(r -> {
                assertThat(r.dnsClass()).isEqualTo(CLASS_CH);
                assertThat(r.timeToLive()).isZero();
                assertThat(ByteBufBytes.of(r.content())).containsExactly(6, 's', 'i', 't', 'e', '-', 'a');
            });
            assertThat(lookup.answer(name, Messages.TYPE_A, CLASS_CH).answers()).isEmpty();
        }
        assertThat(lookup.answer("version.bind.", Messages.TYPE_TXT, CLASS_CH)).isSameAs(Answer.REFUSED);
        assertThat(lookup.answer("id.server.", Messages.TYPE_TXT, CLASS_IN)).isSameAs(Answer.REFUSED);
    }

    @Test
    void theHandoffNameAnswersThisNodesAddressByFamily() {
        Answer a = lookup.answer("here.example.net.", Messages.TYPE_A, CLASS_IN);
        assertThat(a.answers()).singleElement().satisfies(r -> {
            assertThat(r.timeToLive()).isEqualTo(ResponderConfig.Handoff.DEFAULT_TTL);
            assertThat(ByteBufBytes.of(r.content())).containsExactly(203, 0, 113, 2);
        });
        assertThat(lookup.answer("here.example.net.", Messages.TYPE_AAAA, CLASS_IN).answers()).isEmpty();
        assertThat(lookup.answer("here.example.net.", Messages.TYPE_AAAA, CLASS_IN).rcode()).isEqualTo(DnsResponseCode.NOERROR);

        Lookup v6 = new Lookup(TestZones.config("b").withHandoff(
                new ResponderConfig.Handoff("unicast.site.example.net.", TestZones.address("2001:db8:300::2"), 5)));
        assertThat(v6.answer("unicast.site.example.net.", Messages.TYPE_AAAA, CLASS_IN).answers()).singleElement()
                .satisfies(r -> assertThat(r.timeToLive()).isEqualTo(5));
        assertThat(v6.answer("site.example.net.", Messages.TYPE_A, CLASS_IN).rcode()).as("empty non-terminal above it")
                .isEqualTo(DnsResponseCode.NOERROR);
    }

    @Test
    void sizesCountEveryOctetOfTheRecords() {
        Answer a = lookup.answer("www.example.net.", Messages.TYPE_A, CLASS_IN);
        assertThat(a.recordOctets()).isEqualTo(17 + 10 + 4);
        Answer nx = lookup.answer("nope.example.net.", Messages.TYPE_A, CLASS_IN);
        assertThat(nx.recordOctets()).isEqualTo(nx.authority().get(0).wireLength());
    }
}
