// JSON and error responses; request parameters checked against the limits.
#include "search-server/http_params.h"

#include <cstdlib>

#include "core/utf8.h"
#include "search-server/server.h"

namespace kb {

void send_json(httplib::Response& res, const nlohmann::json& j, int status) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(
      j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
      "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& code,
                const std::string& message) {
  send_json(res, {{"error", {{"code", code}, {"message", message}}}}, status);
}

std::string param(const httplib::Request& req, const char* name,
                  size_t max_bytes, const std::string& fallback) {
  const size_t n = req.get_param_value_count(name);
  if (n == 0) return fallback;
  if (n > 1) throw ParamError{std::string(name) + " may be given only once"};
  std::string v = req.get_param_value(name);
  if (v.size() > max_bytes) {
    throw ParamError{std::string(name) + " is longer than " +
                     std::to_string(max_bytes) + " bytes"};
  }
  if (!is_valid_utf8(v))
    throw ParamError{std::string(name) + " is not valid UTF-8"};
  return v;
}

int int_param(const httplib::Request& req, const char* name, int fallback,
              int min, int max) {
  const std::string v = param(req, name, 12);
  if (v.empty()) return fallback;
  char* end = nullptr;
  const long n = std::strtol(v.c_str(), &end, 10);
  if (*end != '\0' || n < min || n > max) {
    throw ParamError{std::string(name) + " must be a whole number from " +
                     std::to_string(min) + " to " + std::to_string(max)};
  }
  return static_cast<int>(n);
}

int64_t id_from(const httplib::Request& req) {
  const std::string s = req.matches[1];
  if (s.size() > 15) return -1;
  return std::stoll(s);
}

std::map<std::string, std::vector<std::string>> facet_params(
    const httplib::Request& req, std::span<const Facet> table) {
  std::map<std::string, std::vector<std::string>> filters;
  for (const Facet& facet : table) {
    const std::string f(facet.name);
    const size_t n = req.get_param_value_count(f.c_str());
    if (n > kMaxValuesPerFacet) {
      throw ParamError{f + " may be given at most " +
                       std::to_string(kMaxValuesPerFacet) + " times"};
    }
    for (size_t i = 0; i < n; ++i) {
      std::string v = req.get_param_value(f.c_str(), i);
      if (v.size() > kMaxParamBytes || !is_valid_utf8(v)) {
        throw ParamError{f + " values must be UTF-8 of at most " +
                         std::to_string(kMaxParamBytes) + " bytes"};
      }
      if (!v.empty()) filters[f].push_back(std::move(v));
    }
  }
  return filters;
}

}  // namespace kb
