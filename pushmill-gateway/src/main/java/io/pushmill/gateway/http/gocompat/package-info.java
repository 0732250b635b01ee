/**
 * Go library behaviour that clients of the gateway can observe: {@code strconv.Quote}, URL path
 * cleaning and escaping, the Pushgateway's base64, {@code encoding/json}, time and duration
 * formats. Pure functions, no I/O.
 */
package io.pushmill.gateway.http.gocompat;
