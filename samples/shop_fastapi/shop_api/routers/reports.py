from fastapi import APIRouter

from shop_api.settings import REPORTS_PREFIX

router = APIRouter(prefix=REPORTS_PREFIX, tags=["reporting"])


@router.get("")
def reports_index():
    return {"reports": ["sales", "top-products"]}


@router.get("/sales/daily")
def daily_sales():
    return []


@router.get("/sales/{year}/{month}")
def monthly_sales(year: int, month: int):
    return {"year": year, "month": month}


@router.get("/top-products")
def top_products():
    return []
