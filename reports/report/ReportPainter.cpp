#include "reports/report/ReportPainter.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QImage>
#include <QPageSize>
#include <QPainter>

#include <cmath>
#include <deque>

namespace crm {

namespace {

constexpr double kMm = ReportPainter::kDpi / 25.4;
const QColor kBarColors[] = {QColor(0x2f, 0x6f, 0xb3), QColor(0x3a, 0x9d, 0x6e)};
const QColor kHeaderFill(0xe8, 0xee, 0xf5);
const QColor kGrid(0xb0, 0xb8, 0xc4);
const QColor kGridLight(0xdd, 0xe2, 0xe8);

bool isNumeric(ReportCellType t)
{
    return t != ReportCellType::Text && t != ReportCellType::Date;
}

// The painter's state for one document: the cursor and page handling.
class Layout
{
public:
    Layout(QPainter &painter, QPaintDevice *metrics, const QSizeF &page, const std::function<void()> &nextPage)
        : m_metrics(metrics), m_p(painter), m_nextPage(nextPage)
    {
        m_width = page.width();
        m_height = page.height();
        m_bottom = m_height - 8 * kMm; // room for the page number
    }

    QFont font(double points, bool bold = false) const
    {
        QFont f(ReportPainter::fontFamily());
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }

    // Starts a new page when `height` does not fit below the cursor; true when it did.
    bool ensure(double height)
    {
        if (m_y + height <= m_bottom)
            return false;
        newPage();
        return true;
    }

    void newPage()
    {
        pageNumber();
        m_nextPage();
        m_y = 0;
        ++m_page;
    }

    void pageNumber()
    {
        m_p.setFont(font(8));
        m_p.setPen(Qt::gray);
        m_p.drawText(QRectF(0, m_height - 6 * kMm, m_width, 6 * kMm), Qt::AlignCenter, QString::number(m_page));
        m_p.setPen(Qt::black);
    }

    void text(const QString &s, double points, bool bold = false, double spaceAfter = 1.5 * kMm)
    {
        m_p.setFont(font(points, bold));
        const QRectF bounds = m_p.boundingRect(QRectF(0, 0, m_width, 1e6), Qt::TextWordWrap, s);
        ensure(bounds.height());
        m_p.drawText(QRectF(0, m_y, m_width, bounds.height()), Qt::TextWordWrap, s);
        m_y += bounds.height() + spaceAfter;
    }

    void figures(const QVector<ReportFigure> &figures)
    {
        if (figures.isEmpty())
            return;
        const QFont label = font(10), value = font(10, true);
        const double row = QFontMetricsF(value, m_metrics).height() * 1.5;
        const double column = m_width / 2;
        for (qsizetype i = 0; i < figures.size(); i += 2) {
            ensure(row);
            for (qsizetype k = i; k < qMin(i + 2, figures.size()); ++k) {
                const double x = column * double(k - i);
                const ReportFigure &f = figures[k];
                m_p.setFont(label);
                m_p.drawText(QRectF(x, m_y, column * 0.62, row), Qt::AlignLeft | Qt::AlignVCenter, f.label);
                m_p.setFont(value);
                m_p.drawText(QRectF(x + column * 0.62, m_y, column * 0.34, row), Qt::AlignRight | Qt::AlignVCenter,
                             ReportData::formatCell(f.value, f.type));
            }
            m_y += row;
        }
        m_y += 4 * kMm;
    }

    // Vertical bars of the table's chart series, with the values over the bars while they fit.
    void chart(const ReportTable &t)
    {
        const double height = 55 * kMm;
        ensure(height + 4 * kMm);
        const ReportCellType type = t.columns[t.chartValueColumn].type;
        // ReportBuilder makes the axis; a table put together elsewhere gets one in English.
        const ChartAxis axis = t.chartAxis.ticks.isEmpty() ? t.makeChartAxis(false) : t.chartAxis;
        const QFont small = font(6.5);
        const QFontMetricsF fm(small, m_metrics);
        const double labelHeight = fm.height() * 1.4;
        const double axisLeft = 18 * kMm;
        const QRectF plot(axisLeft, m_y + labelHeight, m_width - axisLeft, height - 3 * labelHeight);
        m_p.setFont(small);
        // The value axis: a labelled gridline per round step, bars drawn over them.
        for (qsizetype i = 0; i < axis.ticks.size(); ++i) {
            const double y = plot.bottom() - plot.height() * axis.ticks[i] / axis.top;
            m_p.setPen(QPen(i == 0 ? kGrid : kGridLight, (i == 0 ? 0.2 : 0.1) * kMm));
            m_p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            m_p.setPen(Qt::black);
            m_p.drawText(QRectF(0, y - labelHeight / 2, axisLeft - 1.5 * kMm, labelHeight), Qt::AlignRight | Qt::AlignVCenter,
                         axis.labels[i]);
        }
        m_p.setPen(QPen(kGrid, 0.2 * kMm));
        m_p.drawLine(plot.bottomLeft(), plot.topLeft());
        m_p.setPen(Qt::black);
        const qsizetype n = t.rows.size();
        const double slot = plot.width() / double(n);
        const double bar = slot * 0.7;
        const qsizetype labelEvery = std::max<qsizetype>(1, qsizetype(std::ceil(double(n) * fm.horizontalAdvance(QStringLiteral("0000-00-00")) / plot.width())));
        double widestValue = 0;
        for (const auto &row : t.rows)
            widestValue = std::max(widestValue, fm.horizontalAdvance(ReportData::formatCell(row.value(t.chartValueColumn), type)));
        const bool values = slot > widestValue * 1.1;
        for (qsizetype i = 0; i < n; ++i) {
            const QVariant v = t.rows[i].value(t.chartValueColumn);
            const double value = ReportData::chartValue(v, type);
            const double h = plot.height() * std::max(value, 0.0) / axis.top;
            const QRectF r(plot.left() + slot * double(i) + (slot - bar) / 2, plot.bottom() - h, bar, h);
            m_p.fillRect(r, kBarColors[0]);
            if (values && value > 0)
                m_p.drawText(QRectF(r.left() - slot, r.top() - labelHeight, bar + 2 * slot, labelHeight), Qt::AlignCenter,
                             ReportData::formatCell(v, type));
            if (i % labelEvery == 0) {
                const QString label = fm.elidedText(ReportData::formatCell(t.rows[i].value(t.chartLabelColumn),
                                                                           t.columns[t.chartLabelColumn].type),
                                                    Qt::ElideRight, slot * double(labelEvery) * 0.95);
                m_p.drawText(QRectF(plot.left() + slot * double(i) - slot * double(labelEvery - 1) / 2, plot.bottom() + 0.5 * kMm,
                                    slot * double(labelEvery), labelHeight),
                             Qt::AlignHCenter | Qt::AlignTop, label);
            }
        }
        m_p.drawText(QRectF(plot.left(), plot.bottom() + labelHeight, plot.width(), labelHeight), Qt::AlignCenter,
                     t.columns[t.chartValueColumn].header);
        m_y += height + 4 * kMm;
    }

    void table(const ReportTable &t)
    {
        const QFont body = font(8.5), bold = font(8.5, true);
        const double row = QFontMetricsF(body, m_metrics).height() * 1.55;
        const QVector<double> widths = columnWidths(t, body, bold);
        auto drawRow = [&](const QVector<QVariant> &cells, bool header, bool totals) {
            if (header)
                m_p.fillRect(QRectF(0, m_y, m_width, row), kHeaderFill);
            m_p.setFont(header || totals ? bold : body);
            const QFontMetricsF fm(m_p.font(), m_metrics);
            double x = 0;
            for (qsizetype c = 0; c < t.columns.size(); ++c) {
                const ReportColumn &col = t.columns[c];
                const QString s = header ? col.header : ReportData::formatCell(cells.value(c), col.type);
                const QRectF cell(x + 1 * kMm, m_y, widths[c] - 2 * kMm, row);
                const Qt::Alignment align = (isNumeric(col.type) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
                m_p.drawText(cell, align, fm.elidedText(s, Qt::ElideRight, cell.width()));
                x += widths[c];
            }
            m_p.setPen(QPen(kGrid, totals ? 0.3 * kMm : 0.1 * kMm));
            m_p.drawLine(QPointF(0, totals ? m_y : m_y + row), QPointF(m_width, totals ? m_y : m_y + row));
            m_p.setPen(Qt::black);
            m_y += row;
        };
        ensure(row * 3);
        drawRow({}, true, false);
        if (t.rows.isEmpty()) {
            m_p.setFont(body);
            m_p.drawText(QRectF(1 * kMm, m_y, m_width, row), Qt::AlignLeft | Qt::AlignVCenter, Report::tr("No data in this period."));
            m_y += row;
        }
        for (const auto &cells : t.rows) {
            if (ensure(row))
                drawRow({}, true, false); // the header again on every page
            drawRow(cells, false, false);
        }
        if (!t.totals.isEmpty()) {
            if (ensure(row))
                drawRow({}, true, false);
            drawRow(t.totals, false, true);
        }
        m_y += 6 * kMm;
    }

    double m_y = 0;

private:
    // Each column as wide as its header and widest cell (of the first 300 rows); figures and dates keep
    // that width, text columns share what is left (or stretch to fill the line).
    QVector<double> columnWidths(const ReportTable &t, const QFont &body, const QFont &bold) const
    {
        const QFontMetricsF fb(body, m_metrics), fh(bold, m_metrics);
        const double pad = 3 * kMm;
        QVector<double> natural;
        for (qsizetype c = 0; c < t.columns.size(); ++c) {
            double w = fh.horizontalAdvance(t.columns[c].header);
            for (qsizetype r = 0; r < std::min<qsizetype>(t.rows.size(), 300); ++r)
                w = std::max(w, fb.horizontalAdvance(ReportData::formatCell(t.rows[r].value(c), t.columns[c].type)));
            if (!t.totals.isEmpty())
                w = std::max(w, fh.horizontalAdvance(ReportData::formatCell(t.totals.value(c), t.columns[c].type)));
            natural << w + pad;
        }
        double fixed = 0, text = 0;
        for (qsizetype c = 0; c < t.columns.size(); ++c)
            (t.columns[c].type == ReportCellType::Text ? text : fixed) += natural[c];
        QVector<double> widths = natural;
        if (text > 0 && fixed < m_width) {
            const double scale = (m_width - fixed) / text;
            for (qsizetype c = 0; c < t.columns.size(); ++c)
                if (t.columns[c].type == ReportCellType::Text)
                    widths[c] = natural[c] * scale;
        } else {
            const double scale = m_width / (fixed + text);
            for (double &w : widths)
                w *= scale;
        }
        return widths;
    }

    QPaintDevice *m_metrics;
    QPainter &m_p;
    const std::function<void()> &m_nextPage;
    double m_width = 0;
    double m_height = 0;
    double m_bottom = 0;
    int m_page = 1;
};

} // namespace

void ReportPainter::paint(const ReportData &report, QPainter &painter, QPaintDevice *metrics, const QSizeF &page,
                          const std::function<void()> &nextPage)
{
    Layout layout(painter, metrics, page, nextPage);
    layout.text(report.title, 18, true, 3 * kMm);
    layout.text(report.periodText, 10, false, 1 * kMm);
    layout.text(report.scopeText, 10, false, 1 * kMm);
    layout.text(Report::tr("Generated %1; money in %2")
                    .arg(QDateTime::fromMSecsSinceEpoch(report.generatedAt).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                         report.currency),
                8, false, 5 * kMm);
    layout.figures(report.figures);
    for (const ReportTable &t : report.tables) {
        // A section title never ends a page, nor is parted from its chart (55 mm and its spacing).
        layout.ensure(t.hasChart() ? 70 * kMm : 40 * kMm);
        layout.text(t.title, 13, true, 2 * kMm);
        if (t.hasChart())
            layout.chart(t);
        layout.table(t);
    }
    layout.pageNumber();
}

QVector<QImage> ReportPainter::pages(const ReportData &report, double dpi)
{
    const QSizeF mm = QPageSize(QPageSize::A4).size(QPageSize::Millimeter);
    const QSize pixels(qRound(mm.width() / 25.4 * dpi), qRound(mm.height() / 25.4 * dpi));
    const QSizeF printable((mm.width() - 2 * kMarginMm) * kMm, (mm.height() - 2 * kMarginMm) * kMm);
    // Each page is painted in the PDF's 300 dpi coordinates, scaled down: the images claim 300 dpi so
    // point sizes and text metrics come out exactly as in the PDF, and the layout breaks the same lines
    // and pages. A deque keeps the pages where they are while the painter works on the last one.
    std::deque<QImage> images;
    QPainter painter;
    auto begin = [&] {
        images.emplace_back(pixels, QImage::Format_RGB32);
        QImage &image = images.back();
        image.setDotsPerMeterX(qRound(kDpi / 0.0254));
        image.setDotsPerMeterY(qRound(kDpi / 0.0254));
        image.fill(Qt::white);
        painter.begin(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        painter.scale(dpi / kDpi, dpi / kDpi);
        painter.translate(kMarginMm * kMm, kMarginMm * kMm);
    };
    begin();
    paint(report, painter, &images.front(), printable, [&] {
        painter.end();
        begin();
    });
    painter.end();
    return QVector<QImage>(images.begin(), images.end());
}

} // namespace crm
