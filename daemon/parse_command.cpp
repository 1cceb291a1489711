// `redline parse FILE [--base-url URL]`: one feed file (or "-" for stdin) to the JSON of
// DESIGN.md on stdout. Exit 0 when a feed was recovered, 65 with one line on stderr when the
// input is no feed, 66 when the file cannot be read.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>

#include "daemon/commands.h"
#include "feeds/feed.h"

namespace redline {

namespace {

struct ParseArgs {
  std::string file;
  std::string base_url;
  std::string charset;
};

bool read_all(const std::string& path, std::string& out) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return !std::cin.bad();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return false;
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  const std::streamoff size = in.tellg();
  if (size < 0) {  // not a regular file (a pipe, a device): read it as a stream
    in.clear();
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return !in.bad();
  }
  out.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  in.read(out.data(), size);
  return !in.bad() && in.gcount() == size;
}

}  // namespace

Action add_parse_command(CLI::App& app) {
  auto* sub = app.add_subcommand("parse", "Parse one feed file (or - for stdin) and print it as JSON");
  auto args = std::make_shared<ParseArgs>();
  sub->add_option("file", args->file, "feed file, or - for stdin")->required();
  sub->add_option("--base-url", args->base_url, "URL the feed was fetched from (resolves relative links)");
  sub->add_option("--charset", args->charset, "charset from the HTTP Content-Type, if known");
  return [args] {
    std::string bytes;
    if (!read_all(args->file, bytes)) {
      std::fprintf(stderr, "redline parse: cannot read %s\n", args->file.c_str());
      return exit_code::no_input;
    }
    ParseOptions options;
    options.base_url = args->base_url;
    options.http_charset = args->charset;
    const auto feed = parse_feed(bytes, options);
    if (!feed) {
      std::fprintf(stderr, "redline parse: %s: %s\n", args->file.c_str(), feed.error().message.c_str());
      return exit_code::data_error;
    }
    const std::string json = feed_to_json(*feed);
    std::fwrite(json.data(), 1, json.size(), stdout);
    std::fputc('\n', stdout);
    return exit_code::ok;
  };
}

}  // namespace redline
