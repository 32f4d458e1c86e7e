// When a speech verb carries a stance (english_speech.h).
#include "indexer/positions/english_speech.h"

#include <regex>
#include <string>

#include "indexer/positions/english_cues.h"

namespace kb::english {
namespace {

// `lower` with runs of spaces as one (ENB text doubles them at line joins).
std::string single_spaced(std::string_view lower) {
  std::string out;
  out.reserve(lower.size());
  for (char c : lower) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

// `lower` without what a concession grants: "while the CDM needs to be
// improved," up to its comma ("noted that, while X needs Y, it does Z").
// A "while" with no comma after it may carry the point and stays.
std::string without_concessions(std::string s) {
  for (std::string_view w : {"while ", "whilst ", "although ", "though "}) {
    size_t at = 0;
    while ((at = s.find(w, at)) != std::string::npos) {
      const bool word_start = at == 0 || s[at - 1] == ' ' || s[at - 1] == ',';
      const size_t comma = s.find(',', at);
      // "while identifying the need to": a participle, no concession.
      if (!word_start || comma == std::string::npos ||
          opens_with_gerund(std::string_view(s).substr(at + w.size()))) {
        at += w.size();
        continue;
      }
      s.erase(at, comma + 1 - at);
    }
  }
  return s;
}

// "requires", "required": a need, but not a participle after a noun ("the
// work required to fulfil the request was minor", "the technologies in the
// portfolio required to address").
bool states_requirement(std::string_view lower) {
  for (size_t at = lower.find("require"); at != std::string_view::npos;
       at = lower.find("require", at + 1)) {
    const std::string_view rest = lower.substr(at);
    if (rest.starts_with("requires") &&
        (rest.size() == 8 || rest[8] < 'a' || rest[8] > 'z'))
      return true;
    if (!rest.starts_with("required")) continue;
    if (!starts_with_any(rest.substr(8), 0, {"to "})) return true;
    std::string_view before = lower.substr(0, at);
    while (before.ends_with(' ')) before.remove_suffix(1);
    const std::string_view word = before.substr(before.rfind(' ') + 1);
    for (std::string_view aux :
         {"is", "are", "was", "were", "be", "been", "being", "also"})
      if (word == aux) return true;
  }
  return false;
}

// Whether the clause calls something an element of the outcome ("the GCF
// is a crucial element of the solution") without saying what should be
// ("the key element of the draft should be"); not "the key elements of
// Bolivia's assessment", a topic.
bool names_an_element(std::string_view lower) {
  static const std::regex element(
      R"(\b(?:is|are|was|were|be) (?:a |an |the )?)"
      R"((?:crucial|key|essential|vital) (?:element|component|part|pillar)s?\b)");
  return std::regex_search(lower.begin(), lower.end(), element) &&
         !contains_any(lower, {"should", "must", "need", "require"});
}

// Whether the clause names a role ("plays a crucial role", "the essential
// role of").
bool names_a_role(std::string_view lower) {
  static const std::regex role(
      R"(\b(?:crucial|key|important|vital|essential|central|critical|)"
      R"(significant|pivotal|leading) roles?\b)");
  return std::regex_search(lower.begin(), lower.end(), role);
}

// Whether the clause opens with a role as its object: "the essential role
// of the private sector", "that the key role of".
bool opens_with_role(std::string_view lower) {
  static const std::regex role(R"(^ ?(?:that )?the (?:[a-z-]+ )?roles? of\b)");
  return std::regex_search(lower.begin(), lower.end(), role);
}

// The stance of a clause with single spaces and no concession.
std::optional<Stance> stance_of_clause(std::string_view lower) {
  if (starts_with_any(lower, 1,
                      {"concern", "his concern", "her concern", "its concern",
                       "their concern"}))
    return Stance::kConcerned;
  // A clause that lists ("stressed: A; B; and C") is read by its first
  // item; a list of points says what should be done.
  if (lower.starts_with(":") || lower.starts_with(" :")) {
    const std::string_view first = lower.substr(0, lower.find(';'));
    if (first.size() < lower.size()) {
      const std::optional<Stance> st = stance_of_clause(first.substr(1));
      return st ? st : std::optional<Stance>(Stance::kRequests);
    }
  }
  // A pledge the speaker makes, not "pledges" as a noun of the talks.
  if (contains_any(
          lower, {" its commitment", " our commitment", "country's commitment",
                  " us commitment", "determination to", "intention to",
                  " are committed", " is committed", " will pledge",
                  " pledged to", " would pledge"}))
    return Stance::kCommits;
  // Criticism opposes ("unacceptable", "flawed", "is too weak"). Not
  // "inadequate" or "lacks": in workshop reports they describe data and
  // capacities ("the data were inadequate", "the country lacked reliable
  // data") far more often than they judge a text; a text that "lacks
  // crucial elements" is judged. "was not the way to build good faith",
  // "would contaminate the real deliverables" judge a course of action.
  if (contains_any(lower,
                   {"unfair",           "unacceptable",     "not acceptable",
                    "premature",        "inappropriate",    "counterproductive",
                    "could not accept", "would not accept", "too slow",
                    "disappointing",    "flawed",           "too weak",
                    "not applicable",   "not the way",      "not the right way",
                    "not the answer",   "not the solution", "lacks crucial",
                    "lacks key",        "lacks essential",  "would contaminate",
                    "not necessary"}))
    return Stance::kOpposes;
  // "described NAPs as key in supporting adaptation", "said the GCF is a
  // crucial element of the solution": an endorsement.
  if (contains_any(lower,
                   {" as key", " as a key", " as essential", " as crucial",
                    " as central", " as vital", " as mutually supportive"}) ||
      names_an_element(lower))
    return Stance::kSupports;
  // A pledge by a host: "his government will spare no efforts", "his
  // country would host the pre-COP ministerial meeting".
  if (contains_any(lower, {" will spare no ", " would spare no ", " will host ",
                           " would host "}))
    return Stance::kCommits;
  // What cannot wait is urged ("operationalizing the GCF cannot be
  // delayed"); what should not replace Y asks for Y ("should not replace
  // the need to clarify the pledges", "should not be a substitute for").
  if (contains_any(
          lower,
          {"cannot be delayed", "cannot wait", "cannot be postponed",
           "cannot afford to wait", "should not replace", "must not replace",
           "should not be a substitute", "should not substitute"}))
    return Stance::kRequests;
  // "said that no new bodies should be established": against them.
  if ((starts_with_any(lower, 0, {"no "}) ||
       starts_with_any(lower, 0, {"that no "})) &&
      contains_any(lower, {" should ", " must "}))
    return Stance::kOpposes;
  // "should not" opposes, unless the clause also says what should be
  // ("should not be seen as competitive but rather as complementary").
  if (contains_any(lower, {"should not", "must not", "need not", "cannot",
                           "no need", "should no longer"}) &&
      !contains_any(lower, {"but rather", "and should be", "but should",
                            "rather than", "and must be", "instead"}))
    return Stance::kOpposes;
  // A role is what is, not what should be: "said energy demand modeling
  // plays a crucial role in Belgium" states nothing; "highlighted the
  // essential role of the private sector" is an emphasis, as "the
  // importance of" is. Not when the clause also says what should be ("has
  // an important role to play ... and should ensure").
  if (names_a_role(lower) &&
      !contains_any(lower, {"should", "must", "need", "require", "have to",
                            "has to", "urgen", "ought"}))
    return opens_with_role(lower) ? std::optional<Stance>(Stance::kSupports)
                                  : std::nullopt;
  if (contains_any(lower,
                   {"the need",   "need to",    "needs to",   "needed to",
                    "is needed",  "are needed", "was needed", "were needed",
                    " be needed", "should",     "must",       "necessary",
                    "essential",  "would like", "urgency",    "his wish",
                    "her wish",   "have to",    "has to",     "important to",
                    "crucial",    "ought",      " need a ",   " need an ",
                    " needs a ",  " needs an ", " is vital",  " are vital"}) ||
      states_requirement(lower))
    return Stance::kRequests;
  if (starts_with_any(
          lower, 1,
          {"the importance", "the value", "importance", "the willingness",
           "its willingness", "the benefits", "support for"})) {
    // "After welcoming participants, he highlighted the importance of the
    // meeting": a greeting.
    const size_t of = lower.find("importance of ");
    if (of != std::string_view::npos &&
        starts_with_any(
            lower.substr(of + 14), 0,
            {"the meeting", "this meeting", "the session", "this session",
             "the workshop", "this workshop", "the seminar", "this seminar",
             "the conference", "this conference", "the event", "the dialogue"}))
      return std::nullopt;
    return Stance::kSupports;
  }
  // "said the principle could be reinforced": a suggestion.
  if (contains_any(lower, {" could be ", " could also be "}))
    return Stance::kProposes;
  return std::nullopt;
}

}  // namespace

// "reported that further consultations were needed", "He noted that the
// group reached two conclusions", "he said that participants noted ...":
// a rapporteur or a group's chair telling what a group found, no stance of
// the speaker's. "said that the group should leave its options open" (a
// party on what the negotiating group should do) is one.
bool reports_a_groups_view(std::string_view verb, std::string_view after) {
  if (verb == "reported") return true;
  if (verb != "said" && verb != "noted" && verb != "explained" &&
      verb != "indicated" && verb != "stated")
    return false;
  const auto skip_spaces = [](std::string_view& v) {
    const size_t b = v.find_first_not_of(' ');
    v.remove_prefix(b == std::string_view::npos ? v.size() : b);
  };
  skip_spaces(after);
  if (after.starts_with("that ")) after.remove_prefix(5);
  skip_spaces(after);
  for (const std::string_view who :
       {"the breakout group", "the working group", "the group",
        "the participants", "participants"}) {
    if (!after.starts_with(who)) continue;
    std::string_view rest = after.substr(who.size());
    if (rest.starts_with("'")) return true;  // "participants' statements"
    skip_spaces(rest);
    if (rest.starts_with("had ")) rest.remove_prefix(4);
    return starts_with_any(
        rest, 0,
        {"noted", "reached", "agreed", "recommended", "concluded", "discussed",
         "considered", "found", "identified", "highlighted", "stressed",
         "emphasized", "underscored", "suggested", "proposed", "felt",
         "believed", "called for", "expressed"});
  }
  return false;
}

bool cue_states_no_stance(std::string_view verb, std::string_view after) {
  if (verb == "welcomed" || verb == "congratulated" || verb == "thanked")
    return starts_with_any(after, 1,
                           {"participant", "delegate", "everyone", "all",
                            "minister", "the participants"});
  if ((verb == "asked" || verb == "requested" || verb == "invited" ||
       verb == "encouraged") &&
      starts_with_any(after, 1,
                      {"participants", "experts", "delegates", "speakers",
                       "panellists", "panelists"}))
    return true;
  // "questioned whether", "requested information on": questions.
  if (verb == "questioned")
    return starts_with_any(after, 0,
                           {"whether", "how", "what", "if", "when",
                            "the difference", "the meaning"});
  // "requested more detailed information on specific sections", "sought
  // elaboration on the issue of": questions, with what they ask for.
  static const std::initializer_list<std::string_view> kAskedFor = {
      "information",
      "clarification",
      "clarifications",
      "details",
      "an explanation",
      "explanations",
      "elaboration",
      "an elaboration",
      "an update",
      "more information",
      "further information",
      "additional information",
      "more detailed information",
      "more details",
      "further details",
      "additional details",
      "further clarification",
      "further elaboration",
      "more clarity on",
      "comments",
      "views",
      "input"};
  if (verb == "requested" || verb == "sought")
    return starts_with_any(after, 0, kAskedFor);
  if (verb == "asked")
    return starts_with_any(after, 0,
                           {"about",
                            "what",
                            "whether",
                            "how",
                            "why",
                            "if",
                            "when",
                            "which",
                            "who",
                            "for clarification",
                            "for details",
                            "for information",
                            "for more information",
                            "for more detailed information",
                            "for further information",
                            "for additional information",
                            "for elaboration",
                            "for an explanation",
                            "for comments",
                            "a question",
                            "questions"});
  // "committed to", "committed itself": not "a committed participant".
  if (verb == "committed")
    return !starts_with_any(after, 0,
                            {"to ", "itself", "themselves", "us$", "funds",
                             "funding", "an additional", "a further"});
  // "will facilitate the work of": a lead only of a meeting.
  if (verb.find("facilitate") != std::string_view::npos ||
      verb == "will conduct")
    return !starts_with_any(
        after, 2,
        {"consultation", "informal consultation", "group", "discussion",
         "talks", "session", "meeting", "workshop", "dialogue", "panel",
         "roundtable", "breakout", "subgroup", "the tem", "negotiations",
         "conversation", "event"});
  if (verb == "agreed to")
    return starts_with_any(after, 0,
                           {"forward", "hold", "consider", "meet", "continue",
                            "reconvene", "rewrite", "resume", "defer",
                            "convene", "consult", "revise", "return"});
  return false;
}

bool opens_with_gerund(std::string_view lower) {
  const size_t b = lower.find_first_not_of(' ');
  if (b == std::string_view::npos) return false;
  lower.remove_prefix(b);
  const std::string_view word = lower.substr(0, lower.find_first_of(" ,;:"));
  if (word.size() < 6 || word.substr(word.size() - 3) != "ing") return false;
  static constexpr std::string_view kAdjectives[] = {
      "ongoing",    "existing",    "emerging",  "increasing", "growing",
      "remaining",  "leading",     "following", "upcoming",   "outstanding",
      "continuing", "interesting", "during",    "including",  "according",
      "something",  "everything",  "nothing",   "underlying", "concerning",
      "regarding",  "pressing",    "evolving",  "changing",   "developing"};
  for (std::string_view a : kAdjectives)
    if (word == a) return false;
  return true;
}

std::optional<Stance> clause_stance(std::string_view lower) {
  return stance_of_clause(without_concessions(single_spaced(lower)));
}

bool is_emphasis(std::string_view lower) {
  const std::string s = single_spaced(lower);
  // "reiterated that progress is a key part of the package and suggested":
  // the suggestion is the point.
  return clause_stance(s) == Stance::kSupports &&
         (starts_with_any(
              s, 1,
              {"the importance", "importance", "the value", "the benefits",
               "the willingness", "its willingness"}) ||
          names_an_element(s) || opens_with_role(s));
}

bool suggests_a_fact(std::string_view lower) {
  if (clause_stance(lower) || opens_with_gerund(lower)) return false;
  std::string s = single_spaced(lower);
  s = " " +
      s.substr(s.find_first_not_of(' ') == std::string::npos
                   ? s.size()
                   : s.find_first_not_of(' ')) +
      " ";
  // "suggested there is merit in", "that it would be useful to": proposals
  // put politely.
  if (contains_any(s, {" useful", " helpful", " of value", " valuable",
                       " appropriate", " desirable", " better", " preferable",
                       " beneficial", " advisable", " worthwhile", " merit",
                       " would allow", " would enable", " would help",
                       " would ensure", " would improve"}))
    return false;
  // "suggested lack of expertise as a challenge to projections": a view
  // of what stands in the way.
  static const std::regex as_obstacle(
      R"(^ (?:[a-z-]+ ){1,6}as (?:a |an |the )?(?:[a-z]+ )?)"
      R"((?:challenge|barrier|obstacle|constraint|problem|gap|limitation)s?\b)");
  if (std::regex_search(s, as_obstacle)) return true;
  if (s.starts_with(" that ")) s.erase(0, 5);
  // The clause's own verb: before a comma or a subordinate clause ("the
  // minutes as soon as they were approved", "parties that have presented",
  // "that since X was Y, Z be"), among its first words.
  s = s.substr(0, s.find_first_of(",;:"));
  for (std::string_view sub :
       {" that ", " which ", " who ", " as ", " when ", " if ", " where ",
        " because ", " once ", " since ", " after ", " before ", " unless ",
        " until ", " while "})
    s = s.substr(0, s.find(sub));
  static const std::regex finite(
      R"(^ (?:\S+ ){0,5}(?:is|are|was|were|would|will|has|had|did|does) )");
  return std::regex_search(s + " ", finite);
}

bool reports_views(std::string_view lower) {
  const std::string s = single_spaced(lower);
  // What the verb reports: "noted the contact group's view that", "drew
  // attention to comments that", "noted that there were points of
  // convergence", "identified areas of convergence, including: the need",
  // "noted participants' expectations". "noting support for both" is
  // reports_support.
  // Another's view is named by a possessive, its apostrophe often lost in
  // ENB text ("the contact group s view"), or a plain plural ("participants
  // expectations"); "noted the view that" may be the speaker's own.
  static const std::regex reported(
      R"(^ ?(?:to |that )?(?:there (?:is|are|was|were) )?)"
      R"((?:(?:the|a|some|broad|general|wide|many|several|various) )?)"
      R"((?:(?:(?:[a-z0-9-]+ ){0,2}[a-z0-9-]+(?:'s|s'| s) |)"
      R"((?:participants|parties|delegates|countries|members) ))"
      R"((?:views?|comments|expectations|opinions|concerns?|support)\b|)"
      R"((?:comments|convergence|divergence|)"
      R"(areas of (?:convergence|divergence|agreement)|)"
      R"(points of (?:convergence|divergence|agreement)|expectations|)"
      R"(discussions on)\b))");
  return std::regex_search(s, reported);
}

bool presents_a_document(std::string_view verb, std::string_view lower) {
  if (verb != "presented" && verb != "introduced" && verb != "outlined" &&
      verb != "summarized" && verb != "reported" && verb != "described")
    return false;
  static const std::regex document(
      R"(^ ?(?:on )?(?:the |a |an |its |his |her |their )?)"
      R"((?:[a-z0-9-]+ ){0,3}(?:report|document|paper|overview|summary|)"
      R"(update|note|synthesis|findings|results|study|studies|assessment|)"
      R"(guidelines|work|activities|outcomes?)s?\b)");
  const std::string s = single_spaced(lower);
  return std::regex_search(s, document);
}

bool reports_support(std::string_view lower) {
  const std::string s = single_spaced(lower);
  return starts_with_any(s, 0,
                         {"support for", "broad support", "wide support",
                          "general support", "some support"});
}

bool unnamed_speaker(std::string_view lower) {
  static const std::regex unnamed(
      R"(^(?:(?:on|in|at|as|after|before|during|regarding|concerning|while|although|however|also|further|finally|moreover|[a-z]+ing)\b[^,]{0,150}, )?)"
      R"((?:(?:one|a|an|another|some|many|several|most|other|a few|few|numerous|various|a number of|a group of|a majority of|the majority of|two|three|four) )"
      R"((?:of the )?(?:[a-z-]+ ){0,2}(?:participants?|delegates?|delegations?|countr(?:y|ies)|part(?:y|ies)|speakers?|observers?|members?|panell?ists?|experts?|governments?|ngos?)\b)"
      // A bare plural only as the reporter's subject ("Delegates agreed"),
      // not inside what a party said ("Parties could pay a fee").
      R"(|(?:participants|delegates|delegations|parties|countries|speakers|others|observers|panell?ists|experts) )"
      R"((?:also |then |further |generally )?(?:[a-z]+ed|said|made|held|took|gave|began|spoke|felt|met|sought|thought)\b))");
  const std::string s = single_spaced(lower);
  return std::regex_search(s, unnamed);
}

bool is_meeting_procedure(std::string_view lower) {
  const std::string s = single_spaced(lower);
  // Not "in consultation with" (how a substantive choice is made).
  return contains_any(
      s, {"consultations", "consult informally", "overnight", "launch its work",
          "stimulate discussion", "reconvene", "adjourn", "suspend the",
          "contact group", "informal group", "friends of the chair",
          "the floor", "next session", "continuing to work", "continue to work",
          "continue working", "for input", "for views",
          // How the text is taken up: "suggested proceeding on the basis of
          // the consolidated text, paragraph-by-paragraph", "proposed
          // arranging text in four blocks", "proposed focusing discussion
          // on", "suggested leaving a sub-item in abeyance", "proposed
          // adding this under the agenda item", "invited comments on",
          // "proposed, and participants agreed, to remove the text".
          "proceeding on", "proceed on", "paragraph-by-paragraph",
          "paragraph by paragraph", "arranging text", "arranging the text",
          "focusing discussion", "focus discussion", "focusing the discussion",
          "focus the discussion", "abeyance", "agenda item", "comments on",
          "general comments", "participants agreed", "delegates agreed",
          "parties agreed", "more time", "have concluded", "has concluded",
          "had concluded"});
}

bool is_bare_role(std::string_view name) {
  for (std::string_view role :
       {"Chair", "Chairs", "Co-Chair", "Co-Chairs", "Vice-Chair", "Chairman",
        "Chairperson", "President", "Vice-President", "Facilitator",
        "Facilitators", "Co-Facilitator", "Co-Facilitators", "Rapporteur"}) {
    if (name == role) return true;
  }
  return false;
}

bool names_a_thing(std::string_view lower) {
  const size_t b = lower.find_first_not_of(' ');
  if (b == std::string_view::npos) return false;
  const std::string_view rest = lower.substr(b);
  // "agreed to accept the statement", "agreed to go along with the EU
  // proposal", "agreed to keep the original reference": a concession to
  // what is on the table.
  if (starts_with_any(rest, 0,
                      {"the ", "a ", "an ", "this ", "these ", "those ", "its ",
                       "their ", "such ", "that proposal", "that text",
                       "accept ", "go along", "keep ", "retain ", "support "}))
    return true;
  // A possessive: "china's proposal", "china s proposal" (the apostrophe
  // lost), "the eu's".
  const size_t sp = rest.find(' ');
  if (sp == std::string_view::npos) return false;
  const std::string_view word = rest.substr(0, sp);
  return word.ends_with("'s") || word.ends_with("\u2019s") ||
         rest.substr(sp).starts_with(" s ");
}

bool is_connective(std::string_view name, std::string_view s) {
  if (name.find(' ') != std::string_view::npos) return false;
  for (std::string_view w :
       {"But",         "And",       "Yet",       "Still",       "So",
        "Thus",        "Hence",     "Therefore", "However",     "Nevertheless",
        "Nonetheless", "Meanwhile", "Moreover",  "Furthermore", "Instead",
        "Again",       "Also",      "Later",     "Overall",     "First",
        "Second",      "Third",     "Fourth",    "Finally",     "Lastly",
        "Then"}) {
    if (name == w) return true;
  }
  // "Ultimately, parties agreed", "Unsurprisingly, the Russian proposal":
  // an adverb opening the sentence before a comma.
  return name.size() > 4 && name.ends_with("ly") && s.starts_with(name) &&
         s.substr(name.size()).starts_with(",");
}

bool pledges_own_action(std::string_view lower) {
  // "It" is often a thing ("said it would make the system unworkable", "it
  // would depend on"): only a verb of giving, reducing or announcing.
  static const std::regex pledge(
      R"(^ ?(?:that,? ?)?(?:like [^,]{1,40}, )?)"
      R"((?:it|they|his country|her country|his government|her government|)"
      R"(its government|the government) (?:would|will) (?:soon |also )?)"
      R"((?:announce|submit|provide|contribute|ratify|host|reduce|cut|)"
      R"(allocate|double|table|establish|finance|fund|offer|pledge|)"
      R"(make (?:a |an )?(?:considerable |significant |substantial )?)"
      R"(contribution)s?\b)");
  return std::regex_search(single_spaced(lower), pledge);
}

}  // namespace kb::english
