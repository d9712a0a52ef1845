#include "fleet/MaintenanceDialog.h"

#include "client/AlertsApi.h"
#include "client/Within.h"
#include "widgets/AdminText.h"
#include "widgets/DateTimeText.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// The server's limits (docs/api.md "Maintenance windows").
constexpr int kMaxWindowName = 100;
constexpr qint64 kMaxWindowSeconds = 30LL * 24 * 3600;
// The lengths offered; 0 is "until" a time typed in the Ends field.
constexpr qint64 kLengths[] = {30 * 60,   3600,          2 * 3600,      4 * 3600, 8 * 3600,
                               24 * 3600, 3 * 24 * 3600, 7 * 24 * 3600, 0};
constexpr qint64 kDefaultLength = 2 * 3600;

QString windowField(const char *name)
{
    return QStringLiteral("alerts.maintenance.") + QLatin1String(name);
}

// A time as the edits show it: whole minutes, local.
QDateTime toMinute(const QDateTime &time)
{
    const QDateTime local = time.toLocalTime();
    return QDateTime(local.date(), QTime(local.time().hour(), local.time().minute()));
}

} // namespace

MaintenanceDialog::MaintenanceDialog(client::ApiClient *client,
                                     const NodeScopePicker::NodeNames &nodes, QWidget *parent)
    : QDialog(parent), m_client(client)
{
    setObjectName(QStringLiteral("alerts.maintenanceDialog"));
    setMinimumWidth(540);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(windowField("intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout();
    const auto row = [&](QLabel **label, QWidget *field, QLabel **error, const char *name) {
        addFieldRow(form, label, field, error, windowField(name) + QStringLiteral("Error"));
    };

    m_name = new QLineEdit(this);
    m_name->setObjectName(windowField("name"));
    m_name->setMaxLength(kMaxWindowName);
    row(&m_nameLabel, m_name, &m_nameError, "name");

    const QString format = dateTimeFormat();
    m_starts = new QDateTimeEdit(this);
    m_starts->setObjectName(windowField("starts"));
    m_starts->setDisplayFormat(format);
    m_starts->setCalendarPopup(true);
    row(&m_startsLabel, m_starts, &m_startsError, "starts");

    m_length = new QComboBox(this);
    m_length->setObjectName(windowField("length"));
    for (const qint64 seconds : kLengths)
        m_length->addItem(QString(), seconds);
    row(&m_lengthLabel, m_length, nullptr, "length");

    m_ends = new QDateTimeEdit(this);
    m_ends->setObjectName(windowField("ends"));
    m_ends->setDisplayFormat(format);
    m_ends->setCalendarPopup(true);
    row(&m_endsLabel, m_ends, &m_endsError, "ends");

    m_scope = new NodeScopePicker(nodes, windowField(""), this);
    row(&m_scopeLabel, m_scope, &m_scopeError, "scope");
    m_scopeLabel->setBuddy(m_scope->scopeCombo());
    layout->addLayout(form);

    m_error = createFieldError(this, windowField("error"));
    layout->addWidget(m_error);
    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(windowField("save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(windowField("cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MaintenanceDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    showChecksOnBlockedAccept(this, m_buttons->button(QDialogButtonBox::Save));

    m_starts->setDateTime(toMinute(now()));
    m_length->setCurrentIndex(m_length->findData(kDefaultLength));
    lengthChanged();
    connect(m_name, &QLineEdit::textChanged, this, &MaintenanceDialog::validate);
    connect(m_starts, &QDateTimeEdit::dateTimeChanged, this, &MaintenanceDialog::lengthChanged);
    connect(m_length, &QComboBox::currentIndexChanged, this, &MaintenanceDialog::lengthChanged);
    connect(m_ends, &QDateTimeEdit::dateTimeChanged, this, &MaintenanceDialog::validate);
    connect(m_scope, &NodeScopePicker::changed, this, &MaintenanceDialog::validate);
    retranslateUi();
}

MaintenanceDialog::~MaintenanceDialog() = default;

void MaintenanceDialog::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    m_starts->setDateTime(toMinute(now()));
    lengthChanged();
}

QDateTime MaintenanceDialog::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void MaintenanceDialog::lengthChanged()
{
    // A length sets the end; "until" leaves the end to be typed.
    const qint64 seconds = m_length->currentData().toLongLong();
    m_ends->setEnabled(seconds == 0);
    if (seconds > 0) {
        const QSignalBlocker quiet(m_ends);
        m_ends->setDateTime(m_starts->dateTime().addSecs(seconds));
    }
    validate();
}

client::MaintenanceWindowChange MaintenanceDialog::change() const
{
    client::MaintenanceWindowChange c;
    c.name = m_name->text().trimmed();
    // A start in the minute now is now (the edit shows whole minutes).
    const QDateTime starts = m_starts->dateTime();
    c.startsAt = starts <= now() ? now() : starts;
    c.endsAt = m_ends->dateTime();
    c.nodeId = m_scope->nodeId();
    c.label = m_scope->label();
    return c;
}

void MaintenanceDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void MaintenanceDialog::retranslateUi()
{
    setWindowTitle(tr("Plan maintenance"));
    m_intro->setText(tr("While the window lasts, the rules raise no alert on the nodes it "
                        "covers; alerts open already still resolve. A value still over its "
                        "threshold fires once the window ends and the rule's time has passed."));
    m_nameLabel->setText(tr("&Name:"));
    m_name->setPlaceholderText(tr("Kernel upgrade"));
    m_startsLabel->setText(tr("&Starts:"));
    m_lengthLabel->setText(tr("&Lasts:"));
    for (int i = 0; i < m_length->count(); ++i) {
        const qint64 seconds = m_length->itemData(i).toLongLong();
        QString text = tr("Until a time I choose");
        if (seconds > 0 && seconds % (24 * 3600) == 0)
            text = tr("%n day(s)", "", int(seconds / (24 * 3600)));
        else if (seconds > 0 && seconds % 3600 == 0)
            text = tr("%n hour(s)", "", int(seconds / 3600));
        else if (seconds > 0)
            text = tr("%n minute(s)", "", int(seconds / 60));
        m_length->setItemText(i, text);
    }
    m_endsLabel->setText(tr("&Ends:"));
    m_scopeLabel->setText(tr("&Covers:"));
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Plan"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    validate();
}

void MaintenanceDialog::validate()
{
    if (!m_buttons)
        return;
    const bool named = !m_name->text().trimmed().isEmpty();
    setFieldCheck(m_nameError, named ? QString() : tr("A window needs a name."));
    const client::MaintenanceWindowChange c = change();
    QString endsError;
    if (c.endsAt <= c.startsAt)
        endsError = tr("The window must end after it starts.");
    else if (c.endsAt <= now())
        endsError = tr("This end has passed already.");
    else if (c.startsAt.secsTo(c.endsAt) > kMaxWindowSeconds)
        endsError = tr("A window lasts at most 30 days.");
    setFieldCheck(m_endsError, endsError);
    const QString scopeError = m_scope->problem(tr("Pick the node the window covers."));
    setFieldCheck(m_scopeError, scopeError);
    m_buttons->button(QDialogButtonBox::Save)
        ->setEnabled(named && endsError.isEmpty() && scopeError.isEmpty() && !m_sending);
}

void MaintenanceDialog::submit()
{
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    if (!m_client || m_sending || !save->isEnabled())
        return;
    m_sending = true;
    save->setEnabled(false);
    for (QLabel *error : {m_nameError, m_startsError, m_endsError, m_scopeError, m_error})
        setFieldError(error, {});
    client::AlertsApi(*m_client).createMaintenanceWindow(
        change(), client::within(this, [this](Result<client::MaintenanceWindowRow> r) {
            m_sending = false;
            if (!r) {
                validate(); // Plan again once something changes
                showError(r.error());
                return;
            }
            m_window = *r;
            accept();
        }));
}

void MaintenanceDialog::showError(const hm::Error &error)
{
    const QHash<QString, QLabel *> at{{QStringLiteral("name"), m_nameError},
                                      {QStringLiteral("starts_at"), m_startsError},
                                      {QStringLiteral("ends_at"), m_endsError},
                                      {QStringLiteral("node_id"), m_scopeError},
                                      {QStringLiteral("label"), m_scopeError}};
    // Kept at its field until that field changes; worded again in a new
    // language.
    setLocalizedFieldRefusal(at.value(AdminText::errorField(error), m_error),
                             [error] { return AdminText::error(error, QStringLiteral("admin")); });
}

} // namespace hm::app
