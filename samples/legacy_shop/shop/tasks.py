# -*- coding: utf-8 -*-
"""Celery tasks.  Worker: celery -A shop.tasks worker -B"""
import datetime
import logging

from celery import Celery
from celery.schedules import crontab

from shop.extensions import cache

log = logging.getLogger(__name__)

celery = Celery('shop', broker='redis://localhost:6379/1')
celery.conf.CELERYBEAT_SCHEDULE = {
    'nightly-sales-rollup': {'task': 'shop.tasks.sales_rollup', 'schedule': crontab(hour=2, minute=30)},
}


def _app():
    from shop import create_app
    return create_app()


@celery.task(bind=True, max_retries=3, default_retry_delay=60)
def send_order_receipt(self, order_id):
    import shop.notifications.mailer as mailer
    from shop.models import Order
    with _app().app_context():
        order = Order.query.get(order_id)
        if order is None:
            return False
        try:
            return mailer.send_order_confirmation(order)
        except Exception, exc:
            raise self.retry(exc=exc)


@celery.task
def sales_rollup(day=None):
    from shop.reporting import aggregates
    day = day or (datetime.date.today() - datetime.timedelta(days=1))
    with _app().app_context():
        totals = dict(aggregates.daily_totals(days=1, today=day))
    cache.hmset('rollup:daily', totals)
    log.info('rolled up %s: %r', day, totals)
    return totals
