package io.proxima.health.check;

/**
 * What one health check tests and how often: one record per kind. Each record validates itself in
 * its compact constructor, so a {@code CheckSpec} that exists is runnable; a bad configuration
 * fails at load with a message naming the field. Records compare by value, which lets a reload
 * keep every check whose spec did not change.
 */
public sealed interface CheckSpec
        permits TcpCheck, UdpCheck, HttpCheck, DnsCheck, LdapCheck, ExecCheck, FileCheck, AddressCheck {

    Timing timing();
}
