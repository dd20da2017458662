from fastapi import APIRouter

from shop_api.routers import auth, catalog, reports

api_router = APIRouter()
api_router.include_router(catalog.router, prefix="/catalog", tags=["catalog"])
api_router.include_router(reports.router)
api_router.include_router(auth.router, prefix="/auth")
