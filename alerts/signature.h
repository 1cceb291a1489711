// Signatures a webhook receiver checks before it trusts a delivery: the redline header
// (X-Redline-Signature: sha256=<hex HMAC-SHA256(secret, body)>) and the Standard Webhooks one
// (webhook-signature: v1,<base64 HMAC-SHA256(key, id "." timestamp "." body)>), which also signs
// the delivery id and the timestamp so a captured request cannot be replayed later.
// Secrets: redline's own header always uses the configured secret as raw bytes. The Standard
// Webhooks key is the same raw bytes, except that a secret starting with "whsec_" is that
// convention's spelling of a base64 key: the rest is base64-decoded and used as the key.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace redline {

// Raw 32-byte HMAC-SHA256 of data under key (both arbitrary bytes).
std::string hmac_sha256(std::string_view key, std::string_view data);

// Lower-case hexadecimal of arbitrary bytes.
std::string to_hex(std::string_view bytes);

// Standard base64 (with padding) and its strict inverse (empty result + ok=false on bad input).
std::string base64_encode(std::string_view bytes);
bool base64_decode(std::string_view text, std::string& out);

// The key the Standard Webhooks signature uses for a configured secret (see above).
std::string standard_webhooks_key(const std::string& secret);

// "v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>".
std::string standard_webhooks_signature(const std::string& secret, std::string_view id,
                                        std::int64_t timestamp, std::string_view body);

}  // namespace redline
