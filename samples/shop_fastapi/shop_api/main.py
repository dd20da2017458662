from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from shop_api.routers import ops
from shop_api.routers.api import api_router
from shop_api.routers.v2 import v2_app
from shop_api.settings import STATIC_DIR

app = FastAPI(title="shop")
app.include_router(api_router)
app.include_router(ops.router)
app.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")
app.mount("/api/v2", v2_app)
