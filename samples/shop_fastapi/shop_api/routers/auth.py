from fastapi import APIRouter

router = APIRouter(tags=["auth"])


# Only the login form moved; POST /auth/login is still served by the legacy app.
@router.get("/login")
def login_form():
    return {"form": "login"}
