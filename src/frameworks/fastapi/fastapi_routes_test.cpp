// FastAPI routes end to end through link_summaries, on small in-memory trees.

#include "frameworks/fastapi/fastapi_routes.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

using testing::link_python;

std::vector<std::string> listed(const Inventory& inv) {
  std::vector<std::string> out;
  for (const Route& r : inv.routes) {
    std::string methods;
    for (const std::string& m : r.methods)
      methods += m + " ";
    out.push_back(methods + r.path + (r.partial ? " (partial)" : ""));
  }
  return out;
}

TEST_CASE("routers included at any depth, across modules, get every prefix",
          "[unit][fastapi_routes]") {
  const Inventory inv = link_python({
      {"svc/main.py", R"(from fastapi import FastAPI
from svc.api import api
app = FastAPI()
app.include_router(api, prefix="/v1")
)"},
      {"svc/api.py", R"(from fastapi import APIRouter
from svc import items
api = APIRouter(prefix="/api")
api.include_router(items.router, prefix="/items")
)"},
      {"svc/items.py", R"(import fastapi
router = fastapi.APIRouter(prefix="/x")

@router.get("/{item_id}")
def show(item_id: int):
    pass

@router.api_route("/", methods=["post", "PUT"])
def save():
    pass
)"},
  });
  CHECK(listed(inv) ==
        std::vector<std::string>{"POST PUT /v1/api/items/x/", "GET /v1/api/items/x/{item_id}"});
  for (const Route& r : inv.routes)
    CHECK(r.framework == "fastapi");
  REQUIRE(inv.routes[1].params.size() == 1);
  CHECK(inv.routes[1].params[0].type == "int");
  CHECK(inv.routes[1].handler == "svc.items.show");
  CHECK(inv.routes[1].endpoint == "show");
  CHECK(inv.routes[1].path_template == "/v1/api/items/x/{item_id}");
}

TEST_CASE("add_api_route, sub-applications and foreign mounts", "[unit][fastapi_routes]") {
  const Inventory inv = link_python({{"app.py", R"(from fastapi import FastAPI, APIRouter
from fastapi.staticfiles import StaticFiles
PREFIX = "/v2"
app = FastAPI()
v2 = FastAPI()
router = APIRouter()

def ping():
    pass

router.add_api_route("/ping", ping, methods=["GET", "HEAD"], name="pong")
v2.include_router(router)
app.mount(PREFIX, v2)
app.mount("/static", StaticFiles(directory="s"), name="static")
)"}});
  CHECK(listed(inv) == std::vector<std::string>{"ANY /static/{path:path}", "GET HEAD /v2/ping"});
  CHECK(inv.routes[0].endpoint == "static");
  CHECK(inv.routes[0].handler == "StaticFiles");
  CHECK(inv.routes[1].endpoint == "pong");
  CHECK(inv.routes[1].handler == "app.ping");
}

TEST_CASE("what cannot be resolved is listed partial, with a diagnostic",
          "[unit][fastapi_routes]") {
  const Inventory inv = link_python({{"app.py", R"(import os
from fastapi import FastAPI, APIRouter
app = FastAPI()
orphan = APIRouter()
dynamic = APIRouter(prefix=os.environ["P"])
app.include_router(dynamic)

@orphan.get("/lost")
def lost():
    pass

@dynamic.delete("/d")
def d():
    pass
)"}});
  CHECK(listed(inv) == std::vector<std::string>{"DELETE /d (partial)", "GET /lost (partial)"});
  CHECK(inv.routes[0].unresolved.find("router prefix os.environ") != std::string::npos);
  CHECK(inv.routes[1].unresolved == "router never included in a FastAPI app found");
  std::size_t partial = 0;
  for (const Diagnostic& d : inv.diagnostics)
    partial += d.code == "partial-route";
  CHECK(partial == 2);
}

TEST_CASE("prefixes from settings defaults, dataclass fields and a factory's default argument",
          "[unit][fastapi_routes]") {
  const Inventory inv = link_python({
      {"svc/config.py", R"(from dataclasses import dataclass, field
from functools import lru_cache
from pydantic import BaseSettings, Field

class Base(BaseSettings):
    API_V1_STR: str = "/api/v1"

class Settings(Base):
    ADMIN: str = Field("/admin", env="ADMIN_PREFIX")

@dataclass
class Paths:
    items: str = field(default="/items")
    other: str = "/other"

@lru_cache()
def get_settings():
    return Settings()

settings = get_settings()
paths = Paths(other="/elsewhere")
)"},
      {"svc/main.py", R"(from fastapi import FastAPI, APIRouter
from svc.config import settings, paths, Settings

def make_router(prefix="/made"):
    router = APIRouter(prefix=prefix)

    @router.get("/ping")
    def ping():
        pass
    return router

app = FastAPI()
items = APIRouter(prefix=paths.items)
other = APIRouter()

@items.get("/")
def list_items():
    pass

@other.get("/")
def list_other():
    pass

app.include_router(items, prefix=settings.API_V1_STR)
app.include_router(other, prefix=f"{Settings.ADMIN}{paths.other}")
app.include_router(make_router())
made = make_router()
)"},
  });
  CHECK(listed(inv) ==
        std::vector<std::string>{"GET /admin/elsewhere/", "GET /api/v1/items/", "GET /made/ping"});
  CHECK(std::any_of(inv.diagnostics.begin(), inv.diagnostics.end(),
                    [](const Diagnostic& d) { return d.code == "attribute-default"; }));
}

TEST_CASE("a factory whose calls pass different prefixes stays unresolved",
          "[unit][fastapi_routes]") {
  const Inventory inv = link_python({{"app.py", R"(from fastapi import FastAPI, APIRouter

def make_router(prefix):
    router = APIRouter(prefix=prefix)

    @router.get("/ping")
    def ping():
        pass
    return router

app = FastAPI()
app.include_router(make_router("/a"))
app.include_router(make_router("/b"))
)"}});
  // One route per include_router, neither with a prefix it could guess.
  REQUIRE(inv.routes.size() == 2);
  for (const Route& r : inv.routes) {
    CHECK(r.partial);
    CHECK(r.unresolved.find("router prefix prefix") != std::string::npos);
  }
}

TEST_CASE("path parameter types come from annotations", "[unit][fastapi_routes]") {
  CHECK(fastapi_param_type("int", "") == "int");
  CHECK(fastapi_param_type("uuid.UUID", "") == "uuid");
  CHECK(fastapi_param_type("UUID", "") == "uuid");
  CHECK(fastapi_param_type("Annotated[int, Path(ge=1)]", "") == "int");
  CHECK(fastapi_param_type("str", "path") == "path");
  CHECK(fastapi_param_type("", "") == "str");
  CHECK(fastapi_param_type("Slug", "") == "str");
}

TEST_CASE("a Flask app's .get is not a FastAPI route", "[unit][fastapi_routes]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask
app = Flask(__name__)

@app.get("/x")
def x():
    pass
)"}});
  REQUIRE(inv.routes.size() == 1);
  CHECK(inv.routes[0].framework == "flask");
}

}  // namespace
}  // namespace cutover
