// Document numbers in a query: the decision a number names first, then the
// documents citing it, then those amending, replacing or mentioning it; a
// number with its year left out ("362/NĐ-CP"); a type and a serial typed
// apart ("QĐ 1407", "nghị định 30/2020").
#ifndef VNKB_SEARCH_SERVER_NUMBER_QUERY_H_
#define VNKB_SEARCH_SERVER_NUMBER_QUERY_H_

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/analyzer.h"
#include "core/doc_number.h"

namespace kb {

// The documents of `boolean`, each at `weight` whatever its terms.
Xapian::Query fixed_weight(const Xapian::Query& boolean, double weight);

// The collection's numbers that read as `n` with a year added
// ("362/2025/nd-cp" for "362/NĐ-CP"), at most five.
std::vector<std::string> numbers_of_any_year(const Xapian::Database& db,
                                             const DocNumber& n);

// The decision itself first, then the documents citing it, then those
// amending, replacing or mentioning it, at fixed scores above any match of
// words. `own` is an XNUM (full number) or XSER (serial and type) term; the
// full number keys it stands for are appended to `keys`.
Xapian::Query number_query(const Xapian::Database& db, const std::string& own,
                           std::vector<std::string>& keys);

// A document type (code or name, 1-3 tokens) at token `i` of `a`, an
// optional "số", then a serial: the XSER term and the token index after the
// match.
std::optional<std::pair<std::string, size_t>> serial_with_type(
    const Analysis& a, size_t i);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_NUMBER_QUERY_H_
