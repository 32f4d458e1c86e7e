// Relation kinds and the librarian's spec form.
#include "core/relation.h"

#include <algorithm>

#include "core/doc_number.h"

namespace kb {

bool is_relation_kind(std::string_view kind) {
  return std::find(kRelationKinds.begin(), kRelationKinds.end(), kind) !=
         kRelationKinds.end();
}

namespace {

std::string_view next_word(std::string_view& s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  const size_t end = std::min(s.find(' '), s.size());
  std::string_view w = s.substr(0, end);
  s.remove_prefix(end);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return w;
}

}  // namespace

bool parse_relation_spec(std::string_view spec, Relation& out,
                         std::string* error) {
  std::string_view rest = spec;
  const std::string_view kind = next_word(rest);
  const std::string_view number = next_word(rest);
  if (!is_relation_kind(kind)) {
    std::string known;
    for (const std::string& k : kRelationKinds)
      known += (known.empty() ? "" : ", ") + k;
    if (error)
      *error = "'" + std::string(kind) +
               "' is not a relation kind (known: " + known + ")";
    return false;
  }
  const auto n = parse_doc_number(number);
  if (!n) {
    if (error)
      *error = "'" + std::string(number) +
               "' is not a document number like 1407/QĐ-TTg";
    return false;
  }
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  out = Relation{};
  out.kind = std::string(kind);
  out.target = n->display();
  out.scope = std::string(rest);
  out.source = "librarian";
  return true;
}

std::string relation_spec(const Relation& r) {
  std::string s = r.kind + " " + r.target;
  if (!r.scope.empty()) s += " " + r.scope;
  return s;
}

}  // namespace kb
