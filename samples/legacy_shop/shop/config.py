# -*- coding: utf-8 -*-
import os
from datetime import timedelta

BASE_DIR = os.path.abspath(os.path.dirname(os.path.dirname(__file__)))


class BaseConfig(object):
    DEBUG = False
    SECRET_KEY = os.environ.get('SHOP_SECRET_KEY', 'change-me-please')
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        'DATABASE_URL', 'sqlite:///' + os.path.join(BASE_DIR, 'shop.db'))
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    PERMANENT_SESSION_LIFETIME = timedelta(days=14)
    MAX_CONTENT_LENGTH = 4 * 1024 * 1024

    DEFAULT_CURRENCY = 'EUR'
    DEFAULT_COUNTRY = 'DE'
    PAGE_SIZE = 24
    SUPPORT_EMAIL = 'support@legacy-shop.example'
    MAIL_SERVER = os.environ.get('MAIL_SERVER', 'localhost')
    MAIL_SENDER = 'Legacy Shop <noreply@legacy-shop.example>'

    SMS_PROVIDER = 'textblast'
    SMS_API_URL = 'https://api.textblast.example/v1/send'
    SMS_API_KEY = os.environ.get('SMS_API_KEY', '')
    WEBHOOK_SECRETS = {'textblast': os.environ.get('TEXTBLAST_SECRET', ''),
                       'smsgate': os.environ.get('SMSGATE_SECRET', '')}

    CELERY_BROKER_URL = os.environ.get('CELERY_BROKER_URL', 'redis://localhost:6379/1')
    ENABLE_ADMIN = True
    REPORT_CACHE_SECONDS = 300


class DevelopmentConfig(BaseConfig):
    DEBUG = True


class TestingConfig(BaseConfig):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = 'sqlite://'


class ProductionConfig(BaseConfig):
    PREFERRED_URL_SCHEME = 'https'
    SESSION_COOKIE_SECURE = True
