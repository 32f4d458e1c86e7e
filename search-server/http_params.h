// HTTP plumbing shared by the handlers: JSON and error responses, and
// request parameters checked against the limits of server.h.
#ifndef VNKB_SEARCH_SERVER_HTTP_PARAMS_H_
#define VNKB_SEARCH_SERVER_HTTP_PARAMS_H_

#include <httplib.h>

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "core/facets.h"

namespace kb {

// `j` as the body (invalid UTF-8 replaced), not cached.
void send_json(httplib::Response& res, const nlohmann::json& j,
               int status = 200);
// {"error": {"code", "message"}} with `status`.
void send_error(httplib::Response& res, int status, const std::string& code,
                const std::string& message);

// A request parameter problem: 400 with a message naming the parameter.
// Thrown by the functions below; the route wrapper (server.cc) answers it.
struct ParamError {
  std::string message;
};

// The parameter `name` (at most once, valid UTF-8, at most `max_bytes`), or
// `fallback` when absent. Throws ParamError.
std::string param(const httplib::Request& req, const char* name,
                  size_t max_bytes, const std::string& fallback = {});
// A whole number from `min` to `max`, or `fallback` when absent. Throws
// ParamError.
int int_param(const httplib::Request& req, const char* name, int fallback,
              int min, int max);
// The numeric id of the route's first group; -1 when too long to be one.
int64_t id_from(const httplib::Request& req);
// Every non-empty value of each facet of `table` given as a parameter
// (kMaxValuesPerFacet at most, each kMaxParamBytes of UTF-8 at most).
// Throws ParamError.
std::map<std::string, std::vector<std::string>> facet_params(
    const httplib::Request& req, std::span<const Facet> table);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_HTTP_PARAMS_H_
