from typing import Optional

from fastapi import APIRouter, Query

router = APIRouter()


@router.get("/products/")
def list_products(sort: str = "newest"):
    return {"items": [], "sort": sort}


@router.get("/products/page/{page}")
def list_products_page(page: int):
    return {"items": [], "page": page}


# The legacy rule is <int:product_id>: a str here is a contract change.
@router.get("/products/{product_id}")
def product_detail(product_id: str):
    return {"id": product_id}


@router.get("/p/{slug}")
def product_by_slug(slug: str):
    return {"slug": slug}


@router.api_route("/featured", methods=["GET"])
def featured(limit: int = Query(8)):
    return {"products": [], "limit": limit}


@router.get("/categories/")
def list_categories():
    return []


@router.get("/categories/{category_path:path}")
def browse_category(category_path: str, page: Optional[int] = None):
    return {"path": category_path, "page": page}


@router.get("/under/{max_price}")
def products_under(max_price: float):
    return {"max_price": max_price}


def search(q: str = ""):
    return {"q": q, "results": []}


router.add_api_route("/search", search, methods=["GET"])
