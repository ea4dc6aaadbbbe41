#include "ui/customers/CustomerPickerDialog.h"

#include "core/ErrorText.h"
#include "core/services/CustomerService.h"
#include "ui/DbWorker.h"
#include "ui/Session.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace crm {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kNameRole = Qt::UserRole + 1;

} // namespace

CustomerPickerDialog::CustomerPickerDialog(Session &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_search(new QLineEdit(this)), m_results(new QListWidget(this)),
      m_status(new QLabel(this)), m_ok(nullptr)
{
    setWindowTitle(tr("Choose a customer"));
    setModal(true);

    m_search->setObjectName(QStringLiteral("customerSearch"));
    m_search->setPlaceholderText(tr("Name, company, phone or email"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);

    m_results->setObjectName(QStringLiteral("customerResults"));
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setUniformItemSizes(true);
    m_results->installEventFilter(this);

    m_status->setObjectName(QStringLiteral("pickerStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (customerId() > 0)
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_results, &QListWidget::itemSelectionChanged, this, &CustomerPickerDialog::updateOk);
    // Double-click and Enter on a row (or a single click where the platform activates on one). The
    // dialog is hidden by then, so the Enter the list passes on does not reach the OK button as well.
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (item && isVisible()) {
            m_results->setCurrentItem(item);
            accept();
        }
    });

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { search(m_search->text()); });
    connect(m_search, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    resize(480, 420);
    m_search->setFocus();
    search(QString());
}

void CustomerPickerDialog::search(const QString &text)
{
    m_debounce.stop();
    const QString keyword = text.trimmed();
    const int generation = ++m_generation;
    const Actor actor = m_session.actor();
    m_running = true;
    m_status->setText(tr("Searching…"));
    m_session.worker().run(
        this,
        [actor, keyword](Database &db) {
            CustomerFilter f;
            f.keyword = keyword;
            f.limit = kLimit;
            // The customers view's default: the newest matches of a keyword, else the last contacted first.
            f.sort = CustomerSort::Auto;
            return CustomerService(db).list(actor, f);
        },
        [this, generation, keyword](Result<CustomerPage> page) {
            if (generation != m_generation)
                return; // a newer query is on its way
            m_running = false;
            if (!page) {
                m_results->clear();
                m_status->setText(ErrorText::message(page.error()));
            } else {
                showPage(keyword, *page);
            }
            updateOk();
            Q_EMIT searched();
        });
}

void CustomerPickerDialog::showPage(const QString &keyword, const CustomerPage &page)
{
    // The row the user chose stays chosen when it is among the new answers.
    const qint64 selected = customerId();
    m_results->clear();
    QListWidgetItem *restore = nullptr;
    for (const Customer &c : page.customers) {
        auto *item = new QListWidgetItem(rowText(c), m_results);
        item->setData(kIdRole, c.id);
        item->setData(kNameRole, c.name);
        // A match by phone or email is not in the row's text: the tooltip shows why it matched.
        QStringList details;
        for (const QString &part : {c.phone, c.email})
            if (!part.isEmpty())
                details << part;
        if (!details.isEmpty())
            item->setToolTip(details.join(QLatin1Char('\n')));
        if (selected && c.id == selected)
            restore = item;
    }
    if (restore)
        m_results->setCurrentItem(restore);

    if (page.customers.isEmpty())
        m_status->setText(keyword.isEmpty() ? tr("There are no customers to choose from")
                                            : tr("No customer matches “%1”").arg(keyword));
    else if (page.hasMore)
        m_status->setText(tr("Showing the first %1; type more to narrow").arg(kLimit));
    else
        m_status->clear();
}

QString CustomerPickerDialog::rowText(const Customer &c) const
{
    QStringList parts;
    if (!c.name.isEmpty())
        parts << c.name;
    // A company customer is often named after its company: said once.
    if (!c.company.isEmpty() && c.company != c.name)
        parts << c.company;
    const QString owner = c.ownerId ? c.ownerName : tr("Public pool");
    if (!owner.isEmpty())
        parts << owner;
    return parts.join(QStringLiteral(" · "));
}

void CustomerPickerDialog::updateOk()
{
    m_ok->setEnabled(customerId() > 0);
}

qint64 CustomerPickerDialog::customerId() const
{
    const QList<QListWidgetItem *> selected = m_results->selectedItems();
    return selected.isEmpty() ? 0 : selected.first()->data(kIdRole).toLongLong();
}

QString CustomerPickerDialog::customerName() const
{
    const QList<QListWidgetItem *> selected = m_results->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(kNameRole).toString();
}

bool CustomerPickerDialog::isSearching() const
{
    return m_running || m_debounce.isActive();
}

bool CustomerPickerDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_search) {
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_PageDown:
            if (m_results->count() == 0)
                break;
            m_results->setFocus(Qt::OtherFocusReason);
            if (m_results->selectedItems().isEmpty())
                m_results->setCurrentRow(0);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            // Typed and Enter at once: search what was typed instead of choosing from the last answer.
            if (m_debounce.isActive()) {
                search(m_search->text());
                return true;
            }
            break;
        default:
            break;
        }
    } else if (watched == m_results) {
        if (key->key() == Qt::Key_Up && m_results->currentRow() <= 0) {
            m_search->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace crm
