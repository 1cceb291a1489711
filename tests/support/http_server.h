// HttpServer: tests/support/http_server.py as a C++ object. Starts the script on 127.0.0.1 with
// a free port, serving files from `root` (and the scripted hostile paths documented at the top
// of the script), optionally over TLS; logs every request so tests can count them; stops in the
// destructor. make_self_signed_cert creates a certificate for 127.0.0.1 with the openssl CLI.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "support/process.h"

namespace redline::test {

// A curl write callback (CURLOPT_WRITEFUNCTION) that appends the body to the std::string given
// as CURLOPT_WRITEDATA.
inline std::size_t append_body(char* data, std::size_t size, std::size_t n, void* body) {
  static_cast<std::string*>(body)->append(data, size * n);
  return size * n;
}

struct CertFiles {
  std::string cert;  // PEM certificate, usable as a CA file (it is self-signed)
  std::string key;   // PEM private key
};

// A self-signed certificate for CN=127.0.0.1 with subjectAltName IP:127.0.0.1 and DNS:localhost,
// written into `dir` as cert.pem and key.pem.
CertFiles make_self_signed_cert(const std::string& dir);

struct HttpServerOptions {
  std::string root;      // folder of files to serve ("" serves only the scripted paths)
  std::string tls_cert;  // serve HTTPS with these (see make_self_signed_cert)
  std::string tls_key;
  std::chrono::milliseconds start_timeout{std::chrono::seconds(15)};
  int file_max_age = 60;  // Cache-Control max-age sent with files; 0 sends no Cache-Control
};

// One request as the server logged it.
struct LoggedRequest {
  std::string method;             // "GET", "HEAD", "POST", ...
  std::string target;             // path with query, as sent: "/feed.xml?x=1"
  std::string if_none_match;      // "" when absent
  std::string if_modified_since;  // "" when absent
};

class HttpServer {
 public:
  // Throws std::runtime_error (with the script's stderr) if it does not start in time.
  HttpServer() : HttpServer(HttpServerOptions{}) {}
  explicit HttpServer(std::string root) : HttpServer(options_with_root(std::move(root))) {}
  explicit HttpServer(HttpServerOptions options);

  int port() const { return port_; }
  // "http://127.0.0.1:PORT" (https when TLS), without a trailing slash.
  std::string base_url() const;
  // base_url() + path; `path` starts with "/".
  std::string url(std::string_view path) const;

  // Every request so far, in arrival order.
  std::vector<LoggedRequest> requests() const;
  // How many requests had exactly this path (query ignored when `path` has none).
  std::size_t count(std::string_view path) const;

  ChildProcess& process() { return *process_; }

 private:
  static HttpServerOptions options_with_root(std::string root) {
    HttpServerOptions o;
    o.root = std::move(root);
    return o;
  }

  TempDir dir_;  // holds the request log
  std::string log_path_;
  bool tls_ = false;
  std::unique_ptr<ChildProcess> process_;
  int port_ = 0;
};

// Path of a script in tests/support (REDLINE_SOURCE_DIR/tests/support/NAME).
std::string support_script(std::string_view name);

}  // namespace redline::test
