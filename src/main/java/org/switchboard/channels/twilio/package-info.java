/**
 * Twilio Programmable Voice: a Twilio number's calls. Twilio asks {@code /webhooks/twilio/{key}/voice}
 * what to do with an incoming call, and Switchboard answers TwiML that dials the agent routing would
 * choose (their calling address: a number, {@code sip:…} or {@code client:…}) or, when nobody is
 * available or nobody answers, records a voicemail. Status, answer and recording callbacks are signed
 * ({@code X-Twilio-Signature}: HMAC-SHA1 of the full URL and the sorted parameters, base64), journaled
 * raw and applied to the call by the shared {@code calls} feature; recordings are fetched from Twilio's
 * API into attachments. Click-to-call asks Twilio's REST API to ring the agent, then the contact.
 */
package org.switchboard.channels.twilio;
