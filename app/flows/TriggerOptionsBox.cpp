#include "flows/TriggerOptionsBox.h"

#include "client/FlowTypes.h"
#include "widgets/FieldError.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace hm::app {

namespace {

// The server's limits (server/services/engine/TriggerCallOptions.h).
constexpr int kTriggerMinPriority = -100;
constexpr int kTriggerMaxPriority = 100;
constexpr int kTriggerLowPriority = -10;
constexpr int kTriggerHighPriority = 10;
constexpr int kTriggerMinSecret = 16;
constexpr int kTriggerMaxSecret = 256;
constexpr int kTriggerMaxUrl = 2048;
// Without the flow's own limit: a day, the server refuses more than the flow's.
constexpr int kTriggerMaxTimeoutS = 24 * 3600;

enum PriorityChoice
{
    NormalPriority,
    LowPriority,
    HighPriority,
    CustomPriority
};

} // namespace

TriggerOptionsBox::TriggerOptionsBox(QWidget *parent)
    : QWidget(parent), m_toggle(new QToolButton), m_body(new QWidget), m_form(new QFormLayout),
      m_priorityLabel(new QLabel), m_priority(new QComboBox), m_customPriority(new QSpinBox),
      m_timeoutLabel(new QLabel), m_timeout(new QSpinBox), m_timeoutHint(new QLabel),
      m_urlLabel(new QLabel), m_url(new QLineEdit), m_urlError(nullptr), m_secretLabel(new QLabel),
      m_secret(new QLineEdit), m_secretError(nullptr)
{
    setObjectName(QStringLiteral("flows.trigger.optionsBox"));
    m_toggle->setObjectName(QStringLiteral("flows.trigger.optionsToggle"));
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_body->setObjectName(QStringLiteral("flows.trigger.options"));
    m_body->hide();

    m_priority->setObjectName(QStringLiteral("flows.trigger.priority"));
    m_priority->addItems({QString(), QString(), QString(), QString()});
    m_customPriority->setObjectName(QStringLiteral("flows.trigger.customPriority"));
    m_customPriority->setRange(kTriggerMinPriority, kTriggerMaxPriority);
    m_customPriority->setEnabled(false);
    m_timeout->setObjectName(QStringLiteral("flows.trigger.timeout"));
    m_timeout->setRange(0, kTriggerMaxTimeoutS);
    m_timeout->setMinimumWidth(160);
    m_timeoutHint->setObjectName(QStringLiteral("flows.trigger.timeoutHint"));
    m_timeoutHint->setProperty("hmStyle", QStringLiteral("muted"));
    m_url->setObjectName(QStringLiteral("flows.trigger.callbackUrl"));
    m_url->setMaxLength(kTriggerMaxUrl);
    m_urlError = createFieldError(this, QStringLiteral("flows.trigger.callbackUrlError"));
    m_secret->setObjectName(QStringLiteral("flows.trigger.callbackSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setMaxLength(kTriggerMaxSecret);
    m_secretError = createFieldError(this, QStringLiteral("flows.trigger.callbackSecretError"));
    m_priorityLabel->setBuddy(m_priority);
    m_timeoutLabel->setBuddy(m_timeout);
    m_urlLabel->setBuddy(m_url);
    m_secretLabel->setBuddy(m_secret);

    auto *priorityRow = new QHBoxLayout;
    priorityRow->addWidget(m_priority);
    priorityRow->addWidget(m_customPriority);
    priorityRow->addStretch(1);
    auto *timeoutRow = new QHBoxLayout;
    timeoutRow->addWidget(m_timeout);
    timeoutRow->addWidget(m_timeoutHint, 1);
    m_form->setContentsMargins(18, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->addRow(m_priorityLabel, priorityRow);
    m_form->addRow(m_timeoutLabel, timeoutRow);
    m_form->addRow(m_urlLabel, m_url);
    m_form->addRow(QString(), m_urlError);
    m_form->addRow(m_secretLabel, m_secret);
    m_form->addRow(QString(), m_secretError);
    m_body->setLayout(m_form);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    layout->addWidget(m_body);

    connect(m_toggle, &QToolButton::toggled, this, &TriggerOptionsBox::setExpanded);
    connect(m_priority, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_customPriority->setEnabled(index == CustomPriority);
        validate();
    });
    connect(m_customPriority, &QSpinBox::valueChanged, this, &TriggerOptionsBox::validate);
    connect(m_timeout, &QSpinBox::valueChanged, this, &TriggerOptionsBox::validate);
    connect(m_url, &QLineEdit::textChanged, this, &TriggerOptionsBox::validate);
    connect(m_secret, &QLineEdit::textChanged, this, &TriggerOptionsBox::validate);
    retranslate();
}

void TriggerOptionsBox::setFlowTimeoutMs(qint64 ms)
{
    m_flowTimeoutMs = ms;
    // Whole seconds at most the flow's limit (a limit under a second
    // leaves nothing shorter to choose but the flow's own).
    m_timeout->setMaximum(ms > 0 ? int(std::min<qint64>(ms / 1000, kTriggerMaxTimeoutS))
                                 : kTriggerMaxTimeoutS);
    retranslate();
}

bool TriggerOptionsBox::isExpanded() const
{
    return m_toggle->isChecked();
}

void TriggerOptionsBox::setExpanded(bool expanded)
{
    if (m_toggle->isChecked() != expanded) {
        m_toggle->setChecked(expanded); // comes back here through toggled
        return;
    }
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(expanded);
    emit changed();
}

int TriggerOptionsBox::priority() const
{
    switch (m_priority->currentIndex()) {
    case LowPriority:
        return kTriggerLowPriority;
    case HighPriority:
        return kTriggerHighPriority;
    case CustomPriority:
        return m_customPriority->value();
    default:
        return 0;
    }
}

void TriggerOptionsBox::applyTo(client::TriggerOptions &options) const
{
    options.priority = priority();
    options.timeoutOverrideMs = qint64(m_timeout->value()) * 1000;
    const QString url = m_url->text().trimmed();
    options.callbackUrl = url;
    options.callbackSecret = url.isEmpty() ? QString() : m_secret->text();
}

void TriggerOptionsBox::validate()
{
    const QString text = m_url->text().trimmed();
    QString urlProblem;
    if (!text.isEmpty()) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            urlProblem = tr("The callback URL must start with http:// or https://.");
        else if (url.host().isEmpty())
            urlProblem = tr("The callback URL needs a host name.");
        else if (!url.userInfo().isEmpty() || url.hasFragment())
            urlProblem = tr("The callback URL may not hold a user name, a password or a #part.");
    }
    QString secretProblem;
    const qsizetype secretBytes = m_secret->text().toUtf8().size();
    if (!text.isEmpty() && (secretBytes < kTriggerMinSecret || secretBytes > kTriggerMaxSecret))
        secretProblem = tr("With a callback URL, enter a secret of %1 to %2 bytes: the receiver "
                           "checks the signature with it.")
                            .arg(kTriggerMinSecret)
                            .arg(kTriggerMaxSecret);
    m_secret->setEnabled(!text.isEmpty());
    setFieldError(m_urlError, urlProblem);
    setFieldError(m_secretError, secretProblem);
    m_problem = !urlProblem.isEmpty() ? urlProblem : secretProblem;
    emit changed();
}

void TriggerOptionsBox::retranslate()
{
    m_toggle->setText(tr("&Options"));
    m_toggle->setToolTip(tr("Priority, timeout and a callback for this execution only."));
    m_priorityLabel->setText(tr("&Priority:"));
    m_priority->setItemText(NormalPriority, tr("Normal"));
    m_priority->setItemText(LowPriority, tr("Low"));
    m_priority->setItemText(HighPriority, tr("High"));
    m_priority->setItemText(CustomPriority, tr("Custom"));
    m_priority->setToolTip(tr("In a flow that queues its executions, higher priorities run "
                              "first; -100 to 100."));
    m_timeoutLabel->setText(tr("&Timeout:"));
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("The flow's own"));
    m_timeoutHint->setText(m_flowTimeoutMs > 0
                               ? tr("At most the flow's %1 s.").arg(m_flowTimeoutMs / 1000)
                               : QString());
    m_urlLabel->setText(tr("Callback &URL:"));
    m_url->setPlaceholderText(tr("https://example.com/hook: told when the execution ends"));
    m_secretLabel->setText(tr("Callback &secret:"));
    m_secret->setPlaceholderText(tr("signs the callback; not shown again"));
    validate();
}

void TriggerOptionsBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace hm::app
