# -*- coding: utf-8 -*-
"""Extension singletons, bound to the app in ``create_app``."""
import os

import redis
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
login_manager = LoginManager()

# Shared Redis connection: cart backups, catalog cache, rate limiting.
cache = redis.StrictRedis(host=os.environ.get('REDIS_HOST', 'localhost'),
                          port=int(os.environ.get('REDIS_PORT', '6379')),
                          db=0)


@login_manager.user_loader
def load_user(user_id):
    from shop.models import User
    try:
        return User.query.get(int(user_id))
    except (TypeError, ValueError):
        return None
