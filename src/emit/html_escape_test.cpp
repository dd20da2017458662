// Escaping untrusted text for HTML element content and quoted attributes.

#include "emit/html_escape.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

TEST_CASE("html_escape neutralises a script injection", "[unit][html_escape]") {
  CHECK(html_escape("</script><script>alert(1)</script>") ==
        "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
}

TEST_CASE("html_escape neutralises an attribute break-out", "[unit][html_escape]") {
  CHECK(html_escape("\"><img onerror=x>") == "&quot;&gt;&lt;img onerror=x&gt;");
  CHECK(html_escape("' onmouseover='x") == "&#39; onmouseover=&#39;x");
}

TEST_CASE("html_escape escapes ampersands once and keeps other text", "[unit][html_escape]") {
  CHECK(html_escape("a & b &amp; c") == "a &amp; b &amp;amp; c");
  CHECK(html_escape("") == "");
  CHECK(html_escape("/users/{id} caf\xC3\xA9") == "/users/{id} caf\xC3\xA9");
}

}  // namespace
}  // namespace cutover
