// Document numbers in a query (number_query.h).
#include "search-server/number_query.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "core/schema.h"

namespace kb {
namespace {

using Q = Xapian::Query;

// Fixed scores that put a decision above everything that merely matches its
// words, and the documents citing it right after it.
constexpr double kOwnNumberWeight = 200;
constexpr double kCitingWeight = 100;
// Documents that amend, replace, … or only mention it: after those citing it.
constexpr double kRelatedWeight = 50;
constexpr double kSerialWeight = 150;

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Q fixed_weight(const Q& boolean, double weight) {
  // A posting source that gives every document `weight`, intersected with
  // the boolean query (which adds nothing to the score).
  return Q(Q::OP_AND,
           Q((new Xapian::FixedWeightPostingSource(weight))->release()),
           Q(Q::OP_SCALE_WEIGHT, boolean, 0.0));
}

std::vector<std::string> numbers_of_any_year(const Xapian::Database& db,
                                             const DocNumber& n) {
  std::vector<std::string> out;
  const std::string type = n.type_code();
  const std::string want = n.key();
  if (type.empty()) return out;
  const std::string serial =
      schema::term(schema::kSerialPrefix, want.substr(0, want.find('/')) + "/" +
                                              schema::facet_key(type));
  for (auto it = db.postlist_begin(serial);
       it != db.postlist_end(serial) && out.size() < 5; ++it) {
    const std::string key = db.get_document(*it).get_value(schema::kNumberSlot);
    const size_t a = key.find('/');
    const size_t b = a == std::string::npos ? a : key.find('/', a + 1);
    if (b == std::string::npos) continue;
    if (key.substr(0, a) + key.substr(b) == want &&
        std::find(out.begin(), out.end(), key) == out.end()) {
      out.push_back(key);
    }
  }
  return out;
}

Q number_query(const Xapian::Database& db, const std::string& own,
               std::vector<std::string>& numbers) {
  std::vector<Q> parts;
  const bool full = own.rfind(schema::kNumberPrefix, 0) == 0;
  parts.push_back(
      fixed_weight(Q(own), full ? kOwnNumberWeight : kSerialWeight));
  std::set<std::string> keys;
  if (full) {
    keys.insert(own.substr(schema::kNumberPrefix.size()));
  } else {
    // Which full numbers does this serial stand for in the collection?
    for (auto it = db.postlist_begin(own); it != db.postlist_end(own); ++it) {
      const std::string key =
          db.get_document(*it).get_value(schema::kNumberSlot);
      if (!key.empty()) keys.insert(key);
      if (keys.size() >= 20) break;
    }
  }
  for (const std::string& key : keys) {
    numbers.push_back(key);
    parts.push_back(
        fixed_weight(Q(schema::term(schema::kCitePrefix, key)), kCitingWeight));
    parts.push_back(fixed_weight(Q(schema::term(schema::kRelatedPrefix, key)),
                                 kRelatedWeight));
  }
  return Q(Q::OP_OR, parts.begin(), parts.end());
}

std::optional<std::pair<std::string, size_t>> serial_with_type(
    const Analysis& a, size_t i) {
  const std::vector<Token>& t = a.tokens;
  for (size_t len = 1; len <= 3 && i + len < t.size(); ++len) {
    std::string name;
    for (size_t k = i; k < i + len; ++k) {
      if (t[k].kind != TokenKind::kWord) return std::nullopt;
      name += (name.empty() ? "" : " ") + t[k].exact;
    }
    std::string code = len == 1 ? canonical_code(name) : std::string();
    if (code.empty() || type_name_for_code(code).empty())
      code = type_code_for_name(name);
    if (code.empty()) continue;
    size_t j = i + len;
    if (j < t.size() && t[j].folded == "so") ++j;
    if (j >= t.size() || t[j].kind != TokenKind::kNumber) continue;
    const std::string& serial = t[j].exact;
    const std::string type_key = schema::facet_key(code);
    std::string key;
    const size_t slash = serial.find('/');
    if (slash == std::string::npos && is_digits(serial)) {
      key = std::to_string(std::stoll(serial.substr(0, 9))) + "/" + type_key;
    } else if (slash != std::string::npos &&
               is_digits(serial.substr(0, slash)) &&
               serial.size() - slash - 1 == 4 &&
               is_digits(serial.substr(slash + 1))) {
      key = std::to_string(
                std::stoll(serial.substr(0, std::min<size_t>(slash, 9)))) +
            "/" + serial.substr(slash + 1) + "/" + type_key;
    } else {
      continue;
    }
    return std::make_pair(schema::term(schema::kSerialPrefix, key), j + 1);
  }
  return std::nullopt;
}

}  // namespace kb
