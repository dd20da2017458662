#include "cache/summary_codec.h"

#include <catch2/catch.hpp>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

constexpr const char* kSource = R"(import os, sys as system
from .models import (User, Order as O)
from flask import Blueprint, request
PREFIX = '/api' + "/v1"
bp = Blueprint('users', __name__, url_prefix=PREFIX)

@bp.route('/<int:id>', methods=['GET', 'POST'])
@login_required
def show(id: int, *args, page=-3, **kw):
    """Show a user."""
    for rule, view in [('/a', a), ('/b', b)]:
        bp.add_url_rule(rule, view_func=view)
    if request.form:
        return f"{id!r}"
    print "python 2"

class Admin(Base, metaclass=Meta):
    def get(self):
        return {'a': [1, 2.5, None, True]}
)";

TEST_CASE("a summary survives encoding byte for byte", "[unit][summary_codec]") {
  const FileSummary original = testing::summarize_python(kSource, "shop/users.py");
  REQUIRE_FALSE(original.definitions.empty());
  REQUIRE_FALSE(original.python2.empty());
  const std::string bytes = encode_summary(original);
  const std::optional<FileSummary> decoded = decode_summary(bytes);
  REQUIRE(decoded);
  // Field by field through a second encoding: equal bytes, equal summaries.
  CHECK(encode_summary(*decoded) == bytes);
  CHECK(decoded->path == original.path);
  CHECK(decoded->imports.size() == original.imports.size());
  CHECK(decoded->definitions[0].decorators[0].keywords.size() ==
        original.definitions[0].decorators[0].keywords.size());
  CHECK(decoded->definitions.back().parameter_types == original.definitions.back().parameter_types);
  CHECK(decoded->definitions[0].doc == "Show a user.");
  CHECK(decoded->calls.front().loop == original.calls.front().loop);
  CHECK(decoded->status == original.status);
  CHECK(decoded->diagnostics == original.diagnostics);
}

TEST_CASE("a string repeated in a file is written once", "[unit][summary_codec]") {
  FileSummary summary;
  summary.path = "shop/views.py";
  for (int i = 0; i < 50; ++i)
    summary.calls.push_back(CallFact{.scope = "shop.views.OrderView.post",
                                     .call = {.kind = PythonValue::Kind::kCall, .text = "db.add"},
                                     .line = static_cast<std::uint32_t>(i)});
  const std::string bytes = encode_summary(summary);
  // Each call after the first: its scope and text a byte each, with its
  // numbers and flags about 12 bytes; written out they would take 40.
  CHECK(bytes.size() < 50 * 12 + 64);
  const std::optional<FileSummary> decoded = decode_summary(bytes);
  REQUIRE(decoded);
  REQUIRE(decoded->calls.size() == 50);
  CHECK(decoded->calls.back().scope == "shop.views.OrderView.post");
  CHECK(decoded->calls.back().call.text == "db.add");
  CHECK(encode_summary(*decoded) == bytes);
}

TEST_CASE("damaged bytes are refused, never trusted", "[unit][summary_codec]") {
  const std::string bytes = encode_summary(testing::summarize_python(kSource, "a.py"));
  CHECK_FALSE(decode_summary(""));
  CHECK_FALSE(decode_summary(bytes.substr(0, bytes.size() / 2)));
  CHECK_FALSE(decode_summary(bytes + "x"));  // trailing bytes
  CHECK_FALSE(decode_summary(std::string(64, '\xff')));
  // A reference to a string not written before (odd tag 2k+1, k past the table).
  CHECK_FALSE(decode_summary(std::string("\x07", 1) + bytes.substr(1)));
  // Every truncation point fails cleanly (ASan/UBSan watch this one).
  for (std::size_t n = 0; n < bytes.size(); n += 7)
    CHECK_FALSE(decode_summary(bytes.substr(0, n)));
}

}  // namespace
}  // namespace cutover
