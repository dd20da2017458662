# -*- coding: utf-8 -*-
import datetime

from flask import Response, abort, current_app, g, jsonify, render_template, request

from shop.reporting import reporting
from shop.reporting import aggregates
from shop.reporting.export import orders_csv
from shop.utils.decorators import staff_required


@reporting.before_request
@staff_required
def only_staff():
    g.report_generated_at = datetime.datetime.utcnow()


@reporting.route('')
def reports_index():
    today = datetime.date.today()
    return render_template('reporting/index.html', year=today.year, month=today.month)


@reporting.route('/sales/daily')
def daily_sales():
    try:
        days = int(request.args.get('days', 14))
    except ValueError:
        days = 14
    totals = aggregates.daily_totals(days=min(days, 90))
    if request.args.get('format') == 'json':
        return jsonify(days=[{'date': d, 'cents': c} for d, c in totals])
    return render_template('reporting/daily.html', totals=totals)


@reporting.route('/sales/<int:year>/<int:month>')
def monthly_sales(year, month):
    try:
        data = aggregates.monthly_breakdown(year, month)
    except ValueError, e:
        abort(400, unicode(e))
    return jsonify(data)


@reporting.route('/top-products')
@reporting.route('/top-products/<int:limit>')
def top_products(limit=10):
    return jsonify(products=aggregates.top_products(limit=min(limit, 100)))


@reporting.route('/export/orders.csv')
def export_orders_csv():
    today = datetime.date.today()
    try:
        start = datetime.datetime.strptime(request.args.get('from', ''), '%Y-%m-%d')
    except ValueError:
        start = datetime.datetime(today.year, today.month, 1)
    end = start + datetime.timedelta(days=int(request.args.get('days', 31)))
    body = orders_csv(start, end)
    filename = 'orders-%s.csv' % start.strftime('%Y%m%d')
    current_app.logger.info('CSV export %s by %s', filename, g.user.id)
    return Response(body, mimetype='text/csv',
                    headers={'Content-Disposition': 'attachment; filename=%s' % filename})
