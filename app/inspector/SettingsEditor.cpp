#include "inspector/SettingsEditor.h"

#include "flow/FlowSettings.h"
#include "flowgraph/FlowGraphModel.h"
#include "inspector/InspectorStyle.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

namespace hm::app {

namespace {

QJsonValue valueAt(const QJsonObject &root, const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('.'));
    QJsonValue v = root;
    for (const QString &part : parts) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(part);
    }
    return v;
}

void setValueAt(QJsonObject &root, const QStringList &parts, const QJsonValue &value)
{
    if (parts.size() == 1) {
        root.insert(parts.first(), value);
        return;
    }
    QJsonObject child = root.value(parts.first()).toObject();
    setValueAt(child, parts.mid(1), value);
    root.insert(parts.first(), child);
}

QString settingName(const QString &path, const char *part = nullptr)
{
    QString name = QStringLiteral("settings.") + path;
    if (part)
        name += QLatin1Char('.') + QLatin1String(part);
    return name;
}

QString compactArray(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
}

} // namespace

SettingsEditor::SettingsEditor(FlowGraphModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_concurrencyBox(new QGroupBox), m_timeoutBox(new QGroupBox),
      m_retryBox(new QGroupBox), m_historyBox(new QGroupBox), m_notificationBox(new QGroupBox),
      m_mode(new QComboBox), m_scope(new QComboBox), m_maxInstances(new QSpinBox),
      m_scopeKey(new QLineEdit), m_flowTimeout(new QSpinBox), m_nodeTimeout(new QSpinBox),
      m_maxAttempts(new QSpinBox), m_backoff(new QSpinBox), m_multiplier(new QDoubleSpinBox),
      m_history(new QComboBox), m_onComplete(new QLineEdit), m_onFail(new QLineEdit)
{
    setObjectName(QStringLiteral("inspector.settingsEditor"));
    m_gestures.setSource([this] { return m_model->newEditGesture(); });
    build();
    retranslate();
    refresh();
}

void SettingsEditor::build()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);

    auto addField = [this](QGroupBox *box, const QString &path, QWidget *widget) {
        auto *column = qobject_cast<QVBoxLayout *>(box->layout());
        if (!column) {
            column = new QVBoxLayout(box);
            column->setContentsMargins(8, 6, 8, 8);
            column->setSpacing(3);
        } else {
            column->addSpacing(8);
        }
        auto *caption = new QLabel;
        caption->setObjectName(settingName(path, "caption"));
        caption->setBuddy(widget);
        caption->setWordWrap(true);
        widget->setObjectName(settingName(path));
        QLabel *help =
            inspectorstyle::makeNote(inspectorstyle::Tone::Muted, settingName(path, "help"));
        QLabel *message =
            inspectorstyle::makeNote(inspectorstyle::Tone::Error, settingName(path, "message"));
        message->hide();
        column->addWidget(caption);
        column->addWidget(widget);
        column->addWidget(help);
        column->addWidget(message);
        m_fields.insert(path, widget);
        m_captions.insert(path, caption);
        m_helps.insert(path, help);
        m_messages.insert(path, message);
    };

    for (const char *mode : {"allow", "deny", "queue", "replace"})
        m_mode->addItem(QString(), QString::fromLatin1(mode));
    for (const char *scope : {"flow", "trigger_key"})
        m_scope->addItem(QString(), QString::fromLatin1(scope));
    for (const char *level : {"all", "summary", "none"})
        m_history->addItem(QString(), QString::fromLatin1(level));
    for (QSpinBox *spin : {m_maxInstances, m_flowTimeout, m_nodeTimeout, m_maxAttempts})
        spin->setRange(1, INT_MAX);
    m_backoff->setRange(0, INT_MAX);
    m_multiplier->setRange(1.0, 1000.0);
    m_multiplier->setDecimals(2);
    m_multiplier->setSingleStep(0.5);
    for (QSpinBox *spin : {m_flowTimeout, m_nodeTimeout, m_backoff}) {
        spin->setSingleStep(1000);
        spin->setGroupSeparatorShown(true);
    }

    addField(m_concurrencyBox, QStringLiteral("concurrency.mode"), m_mode);
    addField(m_concurrencyBox, QStringLiteral("concurrency.scope"), m_scope);
    addField(m_concurrencyBox, QStringLiteral("concurrency.scopeKey"), m_scopeKey);
    addField(m_concurrencyBox, QStringLiteral("concurrency.maxInstances"), m_maxInstances);
    addField(m_timeoutBox, QStringLiteral("timeout.flowTimeoutMs"), m_flowTimeout);
    addField(m_timeoutBox, QStringLiteral("timeout.nodeTimeoutMs"), m_nodeTimeout);
    addField(m_retryBox, QStringLiteral("retry.maxAttempts"), m_maxAttempts);
    addField(m_retryBox, QStringLiteral("retry.backoffMs"), m_backoff);
    addField(m_retryBox, QStringLiteral("retry.backoffMultiplier"), m_multiplier);
    addField(m_historyBox, QStringLiteral("historyLevel"), m_history);
    addField(m_notificationBox, QStringLiteral("notification.onComplete"), m_onComplete);
    addField(m_notificationBox, QStringLiteral("notification.onFail"), m_onFail);
    for (QGroupBox *box :
         {m_concurrencyBox, m_timeoutBox, m_retryBox, m_historyBox, m_notificationBox})
        layout->addWidget(box);
    layout->addStretch(1);

    auto combo = [this](QComboBox *box, const QString &path) {
        connect(box, &QComboBox::activated, this,
                [this, box, path] { edit(path, box->currentData().toString(), box, true); });
    };
    combo(m_mode, QStringLiteral("concurrency.mode"));
    combo(m_scope, QStringLiteral("concurrency.scope"));
    combo(m_history, QStringLiteral("historyLevel"));
    auto spin = [this](QSpinBox *box, const QString &path) {
        connect(box, &QSpinBox::valueChanged, this,
                [this, box, path](int value) { edit(path, value, box, false); });
        connect(box, &QSpinBox::editingFinished, this, [this, box] { m_gestures.finish(box); });
    };
    spin(m_maxInstances, QStringLiteral("concurrency.maxInstances"));
    spin(m_flowTimeout, QStringLiteral("timeout.flowTimeoutMs"));
    spin(m_nodeTimeout, QStringLiteral("timeout.nodeTimeoutMs"));
    spin(m_maxAttempts, QStringLiteral("retry.maxAttempts"));
    spin(m_backoff, QStringLiteral("retry.backoffMs"));
    connect(m_multiplier, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        edit(QStringLiteral("retry.backoffMultiplier"), value, m_multiplier, false);
    });
    connect(m_multiplier, &QDoubleSpinBox::editingFinished, this,
            [this] { m_gestures.finish(m_multiplier); });
    connect(m_scopeKey, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(QStringLiteral("concurrency.scopeKey"),
             text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text.trimmed()),
             m_scopeKey, false);
    });
    connect(m_scopeKey, &QLineEdit::editingFinished, this,
            [this] { m_gestures.finish(m_scopeKey); });
    auto targets = [this](QLineEdit *line, const QString &path) {
        connect(line, &QLineEdit::textEdited, this, [this, line, path](const QString &text) {
            if (m_loading)
                return;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(
                text.trimmed().isEmpty() ? QByteArray("[]") : text.toUtf8(), &error);
            if (error.error != QJsonParseError::NoError || !doc.isArray()) {
                m_gestures.gestureFor(line);
                inspectorstyle::showNote(m_messages.value(path),
                                         tr("Enter a JSON array of notification targets, for "
                                            "example []."),
                                         inspectorstyle::Tone::Error);
                return;
            }
            edit(path, doc.array(), line, false);
        });
        connect(line, &QLineEdit::editingFinished, this, [this, line] { m_gestures.finish(line); });
    };
    targets(m_onComplete, QStringLiteral("notification.onComplete"));
    targets(m_onFail, QStringLiteral("notification.onFail"));
}

void SettingsEditor::retranslate()
{
    m_concurrencyBox->setTitle(tr("Concurrency"));
    m_timeoutBox->setTitle(tr("Timeouts"));
    m_retryBox->setTitle(tr("Retry"));
    m_historyBox->setTitle(tr("History"));
    m_notificationBox->setTitle(tr("Notifications"));
    const QStringList modes{tr("Allow: start another run"), tr("Deny: refuse while one runs"),
                            tr("Queue: wait for a free slot"),
                            tr("Replace: cancel the running one")};
    for (int i = 0; i < modes.size(); ++i)
        m_mode->setItemText(i, modes[i]);
    m_scope->setItemText(0, tr("Whole flow"));
    m_scope->setItemText(1, tr("Per trigger key"));
    m_history->setItemText(0, tr("All: every node's inputs and outputs"));
    m_history->setItemText(1, tr("Summary: statuses, times and errors"));
    m_history->setItemText(2, tr("None: only the execution itself"));
    for (QSpinBox *spin : {m_flowTimeout, m_nodeTimeout, m_backoff})
        spin->setSuffix(tr(" ms"));
    m_scopeKey->setPlaceholderText(tr("customer_id or $.trigger.customer.id"));
    m_onComplete->setPlaceholderText(QStringLiteral("[]"));
    m_onFail->setPlaceholderText(QStringLiteral("[]"));

    struct Text
    {
        const char *path;
        QString caption;
        QString help;
    };
    const Text texts[] = {
        {"concurrency.mode", tr("When triggered while running"),
         tr("What a trigger does while runs of this flow are in progress.")},
        {"concurrency.scope", tr("Scope"),
         tr("Whether the limit counts the runs of the whole flow or the runs of each trigger "
            "key.")},
        {"concurrency.scopeKey", tr("Scope key"),
         tr("The trigger field whose value separates the runs.")},
        {"concurrency.maxInstances", tr("Maximum instances"),
         tr("How many runs may be in progress at once.")},
        {"timeout.flowTimeoutMs", tr("Flow timeout"), tr("A run that takes longer is cancelled.")},
        {"timeout.nodeTimeoutMs", tr("Node timeout"),
         tr("A node that takes longer fails, and may be retried.")},
        {"retry.maxAttempts", tr("Maximum attempts"), tr("1 means a failed node is not retried.")},
        {"retry.backoffMs", tr("Backoff"), tr("The wait before the first retry.")},
        {"retry.backoffMultiplier", tr("Backoff multiplier"),
         tr("Each later wait is the previous one times this.")},
        {"historyLevel", tr("Keep"), tr("What is kept of a run once it ends.")},
        {"notification.onComplete", tr("On completion"),
         tr("Notification targets as a JSON array.")},
        {"notification.onFail", tr("On failure"), tr("Notification targets as a JSON array.")},
    };
    for (const Text &t : texts) {
        const QString path = QString::fromLatin1(t.path);
        m_captions.value(path)->setText(t.caption);
        m_helps.value(path)->setText(t.help);
        m_fields.value(path)->setToolTip(t.help);
    }
}

void SettingsEditor::refresh()
{
    if (m_applying)
        return;
    m_pending = m_model->settings();
    m_gestures.reset();
    for (QLabel *label : std::as_const(m_messages))
        label->hide();
    showState();
}

void SettingsEditor::showState()
{
    m_loading = true;
    const QJsonObject defaults = flow::FlowSettings().toJson();
    auto value = [&](const char *path) {
        const QString p = QString::fromLatin1(path);
        const QJsonValue v = valueAt(m_pending, p);
        return v.isUndefined() ? valueAt(defaults, p) : v;
    };
    auto choose = [](QComboBox *box, const QString &data) {
        const int index = box->findData(data);
        if (index >= 0 && box->currentIndex() != index)
            box->setCurrentIndex(index);
    };
    auto number = [](QSpinBox *box, const QJsonValue &v) {
        const int n =
            static_cast<int>(std::clamp<double>(v.toDouble(), box->minimum(), box->maximum()));
        if (box->value() != n)
            box->setValue(n);
    };
    choose(m_mode, value("concurrency.mode").toString());
    choose(m_scope, value("concurrency.scope").toString());
    choose(m_history, value("historyLevel").toString());
    number(m_maxInstances, value("concurrency.maxInstances"));
    number(m_flowTimeout, value("timeout.flowTimeoutMs"));
    number(m_nodeTimeout, value("timeout.nodeTimeoutMs"));
    number(m_maxAttempts, value("retry.maxAttempts"));
    number(m_backoff, value("retry.backoffMs"));
    const double multiplier = value("retry.backoffMultiplier").toDouble();
    if (m_multiplier->value() != multiplier)
        m_multiplier->setValue(multiplier);
    const QString scopeKey = value("concurrency.scopeKey").toString();
    if (m_scopeKey->text().trimmed() != scopeKey)
        m_scopeKey->setText(scopeKey);
    for (const auto &[line, path] : {std::pair{m_onComplete, "notification.onComplete"},
                                     std::pair{m_onFail, "notification.onFail"}}) {
        const QString text = compactArray(value(path));
        const QJsonDocument shown = QJsonDocument::fromJson(line->text().toUtf8());
        if (!(shown.isArray() && shown.array() == value(path).toArray()) && line->text() != text)
            line->setText(text);
    }
    // The key matters only when each key has its own limit.
    const bool keyed = value("concurrency.scope").toString() == QLatin1String("trigger_key");
    m_scopeKey->setEnabled(keyed);
    m_loading = false;
}

void SettingsEditor::edit(const QString &path, const QJsonValue &value, QObject *field,
                          bool finished)
{
    if (m_loading)
        return;
    const int gesture = m_gestures.gestureFor(field);
    setValueAt(m_pending, path.split(QLatin1Char('.')), value);
    for (QLabel *label : std::as_const(m_messages))
        label->hide();
    auto checked = flow::FlowSettings::fromJson(m_pending);
    if (!checked) {
        for (const flow::FlowProblem &p : flow::problemsFromError(checked.error())) {
            const QString setting = p.extra.value(QStringLiteral("setting")).toString();
            QString text = p.message;
            if (setting == QLatin1String("concurrency.scopeKey"))
                text = valueAt(m_pending, setting).toString().trimmed().isEmpty()
                           ? tr("With the scope “per trigger key”, enter the trigger field "
                                "that keys it.")
                           : tr("Enter a trigger field name or a $.trigger.… expression.");
            QLabel *label = m_messages.value(setting);
            if (!label)
                label = m_messages.value(path);
            inspectorstyle::showNote(label, text, inspectorstyle::Tone::Error);
        }
        showState();
        if (finished)
            m_gestures.finish(field);
        return;
    }
    m_applying = true;
    const Status applied = m_model->setSettings(m_pending, gesture);
    m_applying = false;
    if (!applied)
        inspectorstyle::showNote(m_messages.value(path), applied.error().message,
                                 inspectorstyle::Tone::Error);
    showState();
    if (finished)
        m_gestures.finish(field);
}

QWidget *SettingsEditor::fieldWidget(const QString &setting) const
{
    return m_fields.value(setting);
}

QLabel *SettingsEditor::messageLabel(const QString &setting) const
{
    return m_messages.value(setting);
}

QString SettingsEditor::message(const QString &setting) const
{
    const QLabel *label = messageLabel(setting);
    return label && !label->isHidden() ? label->text() : QString();
}

void SettingsEditor::focusSetting(const QString &setting)
{
    // "concurrency.scopeKey", or a part of it ("concurrency" for a problem
    // of the whole group).
    QWidget *widget = m_fields.value(setting);
    for (auto it = m_fields.cbegin(); !widget && it != m_fields.cend(); ++it) {
        if (it.key().startsWith(setting))
            widget = it.value();
    }
    if (widget)
        widget->setFocus(Qt::OtherFocusReason);
}

void SettingsEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace hm::app
