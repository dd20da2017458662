// Flask's automatic routes: the static-file route of an app (unless
// static_folder=None) and of a blueprint given a static folder, and the
// Swagger UI assets Flask-RESTX registers once per app.

#include <catch2/catch.hpp>
#include <string>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::link_python;
using Strings = std::vector<std::string>;

// "path endpoint" of each automatic route.
Strings auto_routes(const Inventory& inv) {
  Strings out;
  for (const Route& r : inv.auto_routes) {
    CHECK(r.auto_kind == "static");
    CHECK(r.methods == Strings{"GET"});
    out.push_back(r.path + " " + r.endpoint);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("an app's static route follows static_folder and static_url_path",
          "[unit][link][flask_static]") {
  auto app = [](const std::string& args) {
    return link_python({{"app.py",
                         "import os\nfrom flask import Flask\nBASE = '/srv'\n"
                         "app = Flask(__name__" +
                             args + ")\n"}});
  };
  const Inventory plain = app("");
  CHECK(auto_routes(plain) == Strings{"/static/<path:filename> static"});
  CHECK(plain.routes.empty());  // listed apart: not the application's code
  REQUIRE(plain.auto_routes.size() == 1);
  CHECK(plain.auto_routes[0].path_template == "/static/{filename:path}");
  CHECK(plain.auto_routes[0].file == "app.py");
  CHECK(auto_routes(app(", static_folder=None")).empty());
  CHECK(auto_routes(app(", static_folder='public'")) == Strings{"/public/<path:filename> static"});
  CHECK(auto_routes(app(", static_url_path='/assets/'")) ==
        Strings{"/assets/<path:filename> static"});
  CHECK(auto_routes(app(", static_url_path=''")) == Strings{"/<path:filename> static"});
  CHECK(auto_routes(app(", static_folder=os.path.join(BASE, 'files')")) ==
        Strings{"/files/<path:filename> static"});
  CHECK(auto_routes(app(", None, 'web/root'")) == Strings{"/root/<path:filename> static"});
  const Inventory unknown = app(", static_folder=os.environ['STATIC']");
  CHECK(auto_routes(unknown) == Strings{"/static/<path:filename> static"});
  REQUIRE(unknown.auto_routes.size() == 1);
  REQUIRE(unknown.auto_routes[0].assumptions.size() == 1);
  CHECK(unknown.auto_routes[0].assumptions[0].assumed == "static");
}

TEST_CASE("a Flask subclass's __init__ sets the static options", "[unit][link][flask_static]") {
  const Inventory updated = link_python({{"app.py", R"(from flask import Flask
import settings

class App(Flask):
    def __init__(self, *args, **kwargs):
        kwargs.update({"static_folder": settings.ASSETS, "static_url_path": "/s"})
        super(App, self).__init__(__name__, *args, **kwargs)

app = App()
)"}});
  CHECK(auto_routes(updated) == Strings{"/s/<path:filename> static"});
  const Inventory none = link_python({{"app.py", R"(from flask import Flask

class App(Flask):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, static_folder=None, **kwargs)

app = App(__name__, static_folder="public")
)"}});
  CHECK(auto_routes(none).empty());
}

TEST_CASE("a blueprint with a static folder gets a static route at each registration",
          "[unit][link][flask_static]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint
app = Flask(__name__, static_folder=None)
admin = Blueprint("admin", __name__, static_folder="static", url_prefix="/admin")
docs = Blueprint("docs", __name__, "files", "/assets")
plain = Blueprint("plain", __name__)
lone = Blueprint("lone", __name__, static_folder="static")
app.register_blueprint(admin)
app.register_blueprint(admin, url_prefix="/backoffice", name="backoffice")
app.register_blueprint(docs)
app.register_blueprint(plain)
)"}});
  CHECK(auto_routes(inv) == Strings{"/admin/static/<path:filename> admin.static",
                                    "/assets/<path:filename> docs.static",
                                    "/backoffice/static/<path:filename> backoffice.static"});
}

TEST_CASE("Flask-RESTX serves its Swagger UI assets once on each app an Api is bound to",
          "[unit][link][flask_static]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint
from flask_restx import Api
app = Flask(__name__)
bp = Blueprint("api", __name__, url_prefix="/api")
v1 = Api(bp)
v2 = Api(app, prefix="/v2")
app.register_blueprint(bp)
)"}});
  CHECK(auto_routes(inv) ==
        Strings{"/static/<path:filename> static", "/swaggerui/<path:filename> restx_doc.static"});
}

}  // namespace
}  // namespace cutover
