# -*- coding: utf-8 -*-
"""Outgoing e-mail.  Synchronous SMTP for now, Celery task for receipts."""
import logging
import smtplib
from email.mime.text import MIMEText

from flask import current_app, render_template

import shop.orders.services
from shop.notifications.prefs import prefs_for

log = logging.getLogger(__name__)


def _send(to, subject, body):
    msg = MIMEText(body.encode('utf-8'), 'plain', 'utf-8')
    msg['Subject'] = subject
    msg['From'] = current_app.config['MAIL_SENDER']
    msg['To'] = to
    if current_app.config.get('TESTING'):
        log.info('not sending mail to %s in testing: %s', to, subject)
        return False
    try:
        server = smtplib.SMTP(current_app.config['MAIL_SERVER'], timeout=10)
        server.sendmail(msg['From'], [to], msg.as_string())
        server.quit()
    except (smtplib.SMTPException, IOError), e:
        log.error('mail to %s failed: %s', to, e)
        return False
    return True


def _wants(user, pref):
    prefs = prefs_for(user)
    return getattr(prefs, pref) and not prefs.bounced


def send_welcome(user):
    body = render_template('mail/welcome.txt', user=user)
    return _send(user.email, u'Welcome to Legacy Shop', body)


def send_password_reset(user, link):
    body = render_template('mail/password_reset.txt', user=user, link=link)
    return _send(user.email, u'Reset your password', body)


def send_order_confirmation(order):
    if not _wants(order.user, 'email_orders'):
        return False
    summary = shop.orders.services.order_summary(order)
    return _send(order.user.email, u'Your order #%d' % order.id, summary)


def send_order_cancelled(order, reason=u''):
    if not _wants(order.user, 'email_orders'):
        return False
    summary = shop.orders.services.order_summary(order)
    body = u'Your order was cancelled. %s\n\n%s' % (reason, summary)
    return _send(order.user.email, u'Order #%d cancelled' % order.id, body)


def send_test_message(user):
    return _send(user.email, u'Test message', u'Your notification settings work.')
