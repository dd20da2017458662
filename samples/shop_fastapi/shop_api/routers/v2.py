from fastapi import FastAPI

v2_app = FastAPI(title="shop v2")


@v2_app.get("/catalog/products")
def list_products_v2(cursor: str = ""):
    return {"items": [], "cursor": cursor}
