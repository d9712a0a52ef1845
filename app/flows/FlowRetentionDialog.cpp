#include "flows/FlowRetentionDialog.h"

#include "client/ApiClient.h"
#include "client/ApiRequest.h"
#include "client/Within.h"
#include "flows/FlowErrorText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <tuple>

namespace hm::app {

namespace {

// The server's ranges (server/services/engine/FlowRetention.cpp).
constexpr int kRetentionMaxDays = 36500;
constexpr int kRetentionMaxCount = 1000000000;

QString retentionPath(const QString &flowId)
{
    return QStringLiteral("/api/v1/flows/") + flowId + QStringLiteral("/retention");
}

} // namespace

FlowRetentionDialog::FlowRetentionDialog(client::ApiClient *client, const QString &flowId,
                                         const QString &flowName, bool editable, QWidget *parent)
    : QDialog(parent), m_client(client), m_flowId(flowId), m_flowName(flowName),
      m_editable(editable), m_intro(new QLabel), m_form(new QFormLayout), m_readOnly(new QLabel),
      m_message(new QLabel), m_reset(new QPushButton), m_save(new QPushButton),
      m_close(new QPushButton)
{
    setObjectName(QStringLiteral("flows.retentionDialog"));
    m_intro->setWordWrap(true);
    m_intro->setObjectName(QStringLiteral("flows.retention.intro"));
    m_age.key = QStringLiteral("max_age_days");
    m_age.globalKey = QStringLiteral("max_age_days");
    m_count.key = QStringLiteral("max_executions");
    m_count.globalKey = QStringLiteral("max_executions_per_flow");
    for (auto [limit, name, maximum] : {std::tuple{&m_age, "age", kRetentionMaxDays},
                                        std::tuple{&m_count, "count", kRetentionMaxCount}}) {
        const QString prefix = QStringLiteral("flows.retention.");
        limit->caption = new QLabel;
        limit->mode = new QComboBox;
        limit->mode->setObjectName(prefix + QLatin1String(name) + QStringLiteral("Mode"));
        limit->mode->addItems({QString(), QString(), QString()});
        limit->value = new QSpinBox;
        limit->value->setObjectName(
            prefix + (limit == &m_age ? QStringLiteral("ageDays") : QStringLiteral("count")));
        limit->value->setRange(1, maximum);
        limit->value->setMinimumWidth(120);
        limit->effective = new QLabel;
        limit->effective->setObjectName(prefix + QLatin1String(name) + QStringLiteral("Effective"));
        limit->effective->setWordWrap(true);
        limit->effective->setProperty("hmStyle", QStringLiteral("muted"));
        limit->caption->setBuddy(limit->mode);
        auto *row = new QHBoxLayout;
        row->addWidget(limit->mode);
        row->addWidget(limit->value);
        row->addStretch(1);
        m_form->addRow(limit->caption, row);
        m_form->addRow(QString(), limit->effective);
        connect(limit->mode, &QComboBox::currentIndexChanged, this,
                &FlowRetentionDialog::updateState);
        connect(limit->value, &QSpinBox::valueChanged, this, &FlowRetentionDialog::updateState);
    }
    m_readOnly->setObjectName(QStringLiteral("flows.retention.readOnly"));
    m_readOnly->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("flows.retention.message"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_messageLine = new MessageLine(this, [this](const QString &text, MessageLine::Kind) {
        m_message->setText(text);
        m_message->setVisible(!text.isEmpty());
    });
    m_reset->setObjectName(QStringLiteral("flows.retention.reset"));
    m_save->setObjectName(QStringLiteral("flows.retention.save"));
    m_close->setObjectName(QStringLiteral("flows.retention.close"));

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_reset, QDialogButtonBox::ResetRole);
    buttons->addButton(m_save, QDialogButtonBox::ApplyRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(m_form);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    connect(m_reset, &QPushButton::clicked, this, &FlowRetentionDialog::resetToServer);
    connect(m_save, &QPushButton::clicked, this, &FlowRetentionDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    retranslate();
    load();
}

QString FlowRetentionDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void FlowRetentionDialog::callEnded()
{
    --m_busy;
    updateState();
    emit callFinished();
}

void FlowRetentionDialog::showError(const hm::Error &error)
{
    m_message->setProperty("tone", QStringLiteral("bad"));
    m_messageLine->show([error] { return describeFlowError(error); }, MessageLine::Kind::Lasting);
}

void FlowRetentionDialog::load()
{
    if (!m_client)
        return;
    m_busy += 2;
    updateState();
    m_client->send(client::ApiRequest::get(retentionPath(m_flowId)),
                   client::within(this, [this](Result<client::ApiResponse> r) {
                       if (r) {
                           m_stored = r.value().data.toObject();
                           m_loaded = true;
                           fill();
                       } else {
                           showError(r.error());
                       }
                       callEnded();
                   }));
    // The server's own limits, for "follows the server's setting (…)";
    // without them the form still works, it just cannot name the value.
    m_client->send(
        client::ApiRequest::get(QStringLiteral("/api/v1/system/config")),
        client::within(this, [this](Result<client::ApiResponse> r) {
            if (r)
                m_global = r.value().data.toObject().value(QStringLiteral("retention")).toObject();
            retranslate();
            callEnded();
        }));
}

void FlowRetentionDialog::fill()
{
    for (Limit *limit : {&m_age, &m_count}) {
        const QSignalBlocker blockMode(limit->mode);
        const QSignalBlocker blockValue(limit->value);
        const QJsonValue value = m_stored.value(limit->key);
        if (value.isNull() || value.isUndefined()) {
            limit->mode->setCurrentIndex(FollowServer);
        } else if (value.toInteger() == 0) {
            limit->mode->setCurrentIndex(NoLimit);
        } else {
            limit->mode->setCurrentIndex(OwnLimit);
            limit->value->setValue(int(value.toInteger()));
        }
    }
    updateState();
}

QJsonValue FlowRetentionDialog::formValue(const Limit &limit) const
{
    switch (limit.mode->currentIndex()) {
    case OwnLimit:
        return limit.value->value();
    case NoLimit:
        return 0;
    default:
        return QJsonValue(QJsonValue::Null);
    }
}

QJsonObject FlowRetentionDialog::changes() const
{
    QJsonObject changed;
    if (!m_loaded)
        return changed;
    for (const Limit *limit : {&m_age, &m_count}) {
        const QJsonValue now = formValue(*limit);
        const QJsonValue before = m_stored.value(limit->key);
        const bool same =
            (now.isNull() && (before.isNull() || before.isUndefined())) ||
            (!now.isNull() && !before.isNull() && now.toInteger() == before.toInteger());
        if (!same)
            changed.insert(limit->key, now);
    }
    return changed;
}

void FlowRetentionDialog::resetToServer()
{
    for (Limit *limit : {&m_age, &m_count})
        limit->mode->setCurrentIndex(FollowServer);
    m_messageLine->clear();
    updateState();
}

void FlowRetentionDialog::save()
{
    const QJsonObject changed = changes();
    if (!m_client || !m_editable || isBusy() || changed.isEmpty())
        return;
    ++m_busy;
    m_messageLine->clear();
    updateState();
    m_client->send(client::ApiRequest::put(retentionPath(m_flowId), changed),
                   client::within(this, [this](Result<client::ApiResponse> r) {
                       if (r) {
                           // What the server stored, as it says it.
                           m_stored = r.value().data.toObject();
                           fill();
                           m_message->setProperty("tone", QString());
                           m_messageLine->show(
                               [] { return tr("Saved. The next retention pass applies it."); },
                               MessageLine::Kind::Lasting);
                       } else {
                           // The form keeps what was chosen, to correct it.
                           showError(r.error());
                       }
                       callEnded();
                   }));
}

QString FlowRetentionDialog::amount(const Limit &limit, qint64 value) const
{
    if (value == 0)
        return tr("no limit");
    return &limit == &m_age ? tr("%n day(s)", nullptr, int(value))
                            : tr("%n execution(s)", nullptr, int(value));
}

void FlowRetentionDialog::updateState()
{
    const bool idle = !isBusy() && m_loaded && m_client;
    for (Limit *limit : {&m_age, &m_count}) {
        limit->mode->setEnabled(idle && m_editable);
        limit->value->setEnabled(idle && m_editable && limit->mode->currentIndex() == OwnLimit);
        limit->value->setVisible(limit->mode->currentIndex() == OwnLimit);
        // What applies with the form as it is, and from where.
        QString text;
        if (limit->mode->currentIndex() == FollowServer) {
            const QJsonValue global = m_global.value(limit->globalKey);
            text = global.isUndefined()
                       ? tr("Applies: the server's setting (Settings › Retention).")
                       : tr("Applies: %1, the server's setting (Settings › Retention).")
                             .arg(amount(*limit, global.toInteger()));
        } else {
            text = tr("Applies: %1, this flow's own setting.")
                       .arg(amount(*limit, limit->mode->currentIndex() == NoLimit
                                               ? 0
                                               : limit->value->value()));
        }
        limit->effective->setText(text);
    }
    bool allFollow = true;
    for (const Limit *limit : {&m_age, &m_count})
        allFollow = allFollow && limit->mode->currentIndex() == FollowServer;
    m_reset->setEnabled(idle && m_editable && !allFollow);
    m_save->setEnabled(idle && m_editable && !changes().isEmpty());
    m_readOnly->setVisible(!m_editable);
}

void FlowRetentionDialog::retranslate()
{
    setWindowTitle(tr("History Retention of “%1”").arg(m_flowName));
    m_intro->setText(tr("How long the server keeps the ended executions of this flow, and how "
                        "many. Running and queued executions are never removed."));
    m_age.caption->setText(tr("Keep &for:"));
    m_count.caption->setText(tr("Keep at &most:"));
    for (Limit *limit : {&m_age, &m_count}) {
        limit->mode->setItemText(FollowServer, tr("The server's setting"));
        limit->mode->setItemText(OwnLimit, limit == &m_age ? tr("Days of its own")
                                                           : tr("A number of its own"));
        limit->mode->setItemText(NoLimit, tr("No limit"));
    }
    m_age.value->setSuffix(tr(" days"));
    m_count.value->setSuffix(tr(" executions"));
    m_readOnly->setText(tr("Changing it needs edit permission on the flow."));
    m_reset->setText(tr("Use the Server's Settings"));
    m_reset->setToolTip(tr("Both limits follow Settings › Retention again (after Save)."));
    m_save->setText(tr("&Save"));
    m_close->setText(tr("Close"));
    updateState();
}

void FlowRetentionDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace hm::app
