/** The anycast addresses on the local interface, added at start and removed after the withdraw. */
package io.proxima.address;
