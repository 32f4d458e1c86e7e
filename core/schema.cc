// Index schema helpers: ids, keys and the document data format.
#include "core/schema.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/analyzer.h"

namespace kb::schema {

std::string DocumentData::to_json() const {
  const nlohmann::json j = {{"id", id},
                            {"title", title},
                            {"type", type},
                            {"number", number},
                            {"issuer", issuer},
                            {"issue_date", issue_date},
                            {"networks", networks},
                            {"topics", topics},
                            {"status", status},
                            {"language", language},
                            {"pages", pages},
                            {"page_starts", page_starts}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

DocumentData DocumentData::from_json(std::string_view json) {
  try {
    const nlohmann::json j = nlohmann::json::parse(json);
    DocumentData d;
    d.id = j.at("id").get<int64_t>();
    d.title = j.value("title", "");
    d.type = j.value("type", "");
    d.number = j.value("number", "");
    d.issuer = j.value("issuer", "");
    d.issue_date = j.value("issue_date", "");
    d.networks = j.value("networks", std::vector<std::string>{});
    d.topics = j.value("topics", std::vector<std::string>{});
    d.status = j.value("status", "");
    d.language = j.value("language", "");
    d.pages = j.value("pages", 0);
    d.page_starts = j.value("page_starts", std::vector<Xapian::termpos>{});
    return d;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("malformed document data: ") +
                             e.what());
  }
}

std::string id_term(int64_t id) {
  return std::string(kIdPrefix) + std::to_string(id);
}

std::string term(std::string_view prefix, std::string_view key) {
  std::string t(prefix);
  t.append(key);
  return t;
}

std::string facet_key(std::string_view display) {
  std::string key;
  for (const Token& t : analyze(display).tokens) {
    if (t.kind == TokenKind::kDocNumberPart) continue;
    if (!key.empty()) key += '-';
    key += t.folded;
  }
  return key;
}

std::string join_list(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += kListSeparator;
    out += id;
  }
  return out;
}

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < value.size()) {
    size_t end = value.find(kListSeparator, pos);
    if (end == std::string_view::npos) end = value.size();
    if (end > pos) out.emplace_back(value.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

std::string pack_facets(std::string_view type, std::string_view issuer,
                        std::string_view year, std::string_view number,
                        std::string_view networks, std::string_view topics,
                        std::string_view language) {
  std::string out(type);
  for (std::string_view field : {issuer, year, number, networks, topics}) {
    out += kFieldSeparator;
    out.append(field);
  }
  if (!language.empty()) {
    out += kFieldSeparator;
    out.append(language);
  }
  return out;
}

std::vector<std::string_view> unpack_facets(std::string_view packed) {
  std::vector<std::string_view> fields;
  size_t pos = 0;
  for (;;) {
    const size_t end = packed.find(kFieldSeparator, pos);
    fields.push_back(
        packed.substr(pos, end == std::string_view::npos ? end : end - pos));
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  fields.resize(7);
  return fields;
}

}  // namespace kb::schema
