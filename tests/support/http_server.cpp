// HttpServer and make_self_signed_cert; see http_server.h.
#include "support/http_server.h"

#include <sstream>
#include <stdexcept>

namespace redline::test {

std::string support_script(std::string_view name) {
  return std::string(REDLINE_SOURCE_DIR) + "/tests/support/" + std::string(name);
}

CertFiles make_self_signed_cert(const std::string& dir) {
  CertFiles files{dir + "/cert.pem", dir + "/key.pem"};
  const CommandResult r = run_command(
      {"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
       "-nodes", "-keyout", files.key, "-out", files.cert, "-days", "2", "-subj", "/CN=127.0.0.1",
       "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"});
  if (r.exit_code != 0) throw std::runtime_error("openssl req failed: " + r.err);
  return files;
}

HttpServer::HttpServer(HttpServerOptions options)
    : log_path_(dir_.file("requests.log")), tls_(!options.tls_cert.empty()) {
  std::vector<std::string> argv{"/usr/bin/python3", support_script("http_server.py"), "--log",
                                log_path_};
  if (!options.root.empty()) argv.insert(argv.end(), {"--root", options.root});
  if (tls_) argv.insert(argv.end(), {"--tls-cert", options.tls_cert, "--tls-key", options.tls_key});
  argv.insert(argv.end(), {"--file-max-age", std::to_string(options.file_max_age)});
  process_ = std::make_unique<ChildProcess>(std::move(argv));
  const auto line = process_->first_stdout_line(options.start_timeout);
  try {
    port_ = line ? std::stoi(*line) : 0;
  } catch (const std::exception&) {
    port_ = 0;
  }
  if (port_ <= 0) {
    process_->stop();
    throw std::runtime_error("http_server.py did not start: " + process_->stderr_text());
  }
}

std::string HttpServer::base_url() const {
  return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
}

std::string HttpServer::url(std::string_view path) const {
  return base_url() + std::string(path);
}

std::vector<LoggedRequest> HttpServer::requests() const {
  std::vector<LoggedRequest> out;
  std::istringstream in(read_file(log_path_));
  std::string line;
  auto field = [](std::string v) { return v == "-" ? std::string() : v; };
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::istringstream cols(line);
    for (std::string col; std::getline(cols, col, '\t');) f.push_back(col);
    if (f.size() < 4) continue;  // a line still being written
    out.push_back({f[0], f[1], field(f[2]), field(f[3])});
  }
  return out;
}

std::size_t HttpServer::count(std::string_view path) const {
  const bool with_query = path.find('?') != std::string_view::npos;
  std::size_t n = 0;
  for (const auto& r : requests()) {
    std::string_view target = r.target;
    if (!with_query) target = target.substr(0, target.find('?'));
    if (target == path) ++n;
  }
  return n;
}

}  // namespace redline::test
