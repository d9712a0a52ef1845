#include "fleet/EnrolNodeDialog.h"

#include "client/ApiClient.h"
#include "client/NodesApi.h"
#include "client/Within.h"
#include "fleet/NodeText.h"
#include "widgets/ClipboardGuard.h"
#include "widgets/DateTimeText.h"
#include "widgets/FieldError.h"
#include "widgets/LiveEvents.h"
#include "widgets/Retranslate.h"
#include "widgets/WindowFit.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// The server's limits (docs/api.md "Nodes").
constexpr int kDefaultHours = 24;
constexpr int kMaxHours = 720;

QLabel *wrappingLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}

} // namespace

EnrolNodeDialog::EnrolNodeDialog(client::ApiClient *client, QWidget *parent)
    : QDialog(parent), m_client(client)
{
    build();
}

EnrolNodeDialog::EnrolNodeDialog(client::ApiClient *client, const client::NodeRow &node,
                                 QWidget *parent)
    : QDialog(parent), m_client(client), m_existing(node), m_node(node)
{
    build();
}

EnrolNodeDialog::~EnrolNodeDialog() = default;

void EnrolNodeDialog::build()
{
    setObjectName(QStringLiteral("nodes.enrolDialog"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    // Two steps, one shown at a time. Not a QStackedWidget: a stack is as
    // tall as its tallest page (its height-for-width counts hidden ones),
    // so the short form would sit in the room the command's notes take.
    m_pages = new QWidget(this);
    auto *pagesLayout = new QVBoxLayout(m_pages);
    pagesLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages, 1);

    // The form: what the node is called and how long its secret lives.
    auto *form = new QWidget(m_pages);
    form->setObjectName(QStringLiteral("nodes.enrolForm"));
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    m_intro = wrappingLabel(form, QStringLiteral("nodes.enrolIntro"));
    formLayout->addWidget(m_intro);
    m_form = new QFormLayout();
    m_name = new QLineEdit(form);
    m_name->setObjectName(QStringLiteral("nodes.name"));
    m_name->setMaxLength(NodeText::kMaxNameLength);
    m_nameError = createFieldError(form, QStringLiteral("nodes.nameError"));
    m_labels = new QLineEdit(form);
    m_labels->setObjectName(QStringLiteral("nodes.labels"));
    m_labelsError = createFieldError(form, QStringLiteral("nodes.labelsError"));
    m_description = new QLineEdit(form);
    m_description->setObjectName(QStringLiteral("nodes.description"));
    m_descriptionError = createFieldError(form, QStringLiteral("nodes.descriptionError"));
    m_hours = new QSpinBox(form);
    m_hours->setObjectName(QStringLiteral("nodes.expiryHours"));
    m_hours->setRange(1, kMaxHours);
    m_hours->setValue(kDefaultHours);
    m_hoursError = createFieldError(form, QStringLiteral("nodes.expiryHoursError"));
    if (!isRenewal()) {
        m_form->addRow(new QLabel(form), m_name);
        m_form->addRow(new QLabel(form), m_nameError);
        m_form->addRow(new QLabel(form), m_labels);
        m_form->addRow(new QLabel(form), m_labelsError);
        m_form->addRow(new QLabel(form), m_description);
        m_form->addRow(new QLabel(form), m_descriptionError);
    } else {
        for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_labels),
                           static_cast<QWidget *>(m_description)})
            w->hide();
    }
    m_form->addRow(new QLabel(form), m_hours);
    m_form->addRow(new QLabel(form), m_hoursError);
    formLayout->addLayout(m_form);
    for (QLabel *error : {m_nameError, m_labelsError, m_descriptionError, m_hoursError})
        setFieldError(error, {});
    // A refusal of the server stays at its field until that field changes.
    linkFieldError(m_nameError, m_name);
    linkFieldError(m_labelsError, m_labels);
    linkFieldError(m_descriptionError, m_description);
    linkFieldError(m_hoursError, m_hours);
    m_error = createFieldError(form, QStringLiteral("nodes.enrolError"));
    formLayout->addWidget(m_error);
    formLayout->addStretch();
    pagesLayout->addWidget(form);
    m_formPage = form;

    // The result: the command with the one-time secret, and what to check.
    auto *result = new QWidget(m_pages);
    result->setObjectName(QStringLiteral("nodes.enrolResult"));
    auto *resultLayout = new QVBoxLayout(result);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    m_resultTitle = wrappingLabel(result, QStringLiteral("nodes.resultTitle"));
    QFont bold = m_resultTitle->font();
    bold.setBold(true);
    m_resultTitle->setFont(bold);
    resultLayout->addWidget(m_resultTitle);
    m_commandLabel = wrappingLabel(result, QStringLiteral("nodes.commandLabel"));
    resultLayout->addWidget(m_commandLabel);
    m_command = new QPlainTextEdit(result);
    m_command->setObjectName(QStringLiteral("nodes.command"));
    m_command->setReadOnly(true);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The command is one long line: wrapped anywhere, all of it in sight.
    m_command->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_command->setWordWrapMode(QTextOption::WrapAnywhere);
    m_command->setFixedHeight(m_command->fontMetrics().lineSpacing() * 4 + 16);
    resultLayout->addWidget(m_command);
    auto *copyRow = new QHBoxLayout();
    m_copy = new QPushButton(result);
    m_copy->setObjectName(QStringLiteral("nodes.copyCommand"));
    copyRow->addWidget(m_copy);
    m_copied = wrappingLabel(result, QStringLiteral("nodes.copied"));
    m_copied->setProperty("hmStyle", QStringLiteral("muted"));
    copyRow->addWidget(m_copied, 1);
    resultLayout->addLayout(copyRow);
    m_expires = wrappingLabel(result, QStringLiteral("nodes.expires"));
    resultLayout->addWidget(m_expires);
    m_once = wrappingLabel(result, QStringLiteral("nodes.secretOnce"));
    m_once->setProperty("hmStyle", QStringLiteral("banner"));
    m_once->setMargin(8);
    resultLayout->addWidget(m_once);
    m_fingerprint = wrappingLabel(result, QStringLiteral("nodes.fingerprintNote"));
    resultLayout->addWidget(m_fingerprint);
    // Where the agent is: waiting, enrolled (its fingerprint), online.
    m_progressText = wrappingLabel(result, QStringLiteral("nodes.enrolProgress"));
    m_progressText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    resultLayout->addWidget(m_progressText);
    resultLayout->addStretch();
    pagesLayout->addWidget(result);
    m_resultPage = result;
    result->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("nodes.enrolButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("nodes.enrolOk"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("nodes.enrolCancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EnrolNodeDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_copy, &QPushButton::clicked, this, &EnrolNodeDialog::copyCommand);
    m_live = new LiveEvents(this);
    connect(m_live, &LiveEvents::message, this,
            [this](const QString &type, const QJsonObject &data) {
                if (!hasResult() || data.value(QStringLiteral("node_id")).toString() != m_node.id)
                    return;
                if (type == QLatin1String("node_updated") || type == QLatin1String("node_status"))
                    followNode(client::json::node(data.value(QStringLiteral("node")).toObject()));
            });
    // Events were missed while the stream was down: read the node again.
    connect(m_live, &LiveEvents::reopened, this, [this] {
        if (!hasResult() || !m_client)
            return;
        client::NodesApi(*m_client).get(m_node.id,
                                        client::within(this, [this](Result<client::NodeRow> r) {
                                            if (r)
                                                followNode(*r);
                                        }));
    });
    for (QLineEdit *edit : {m_name, m_labels, m_description})
        connect(edit, &QLineEdit::textChanged, this, &EnrolNodeDialog::validate);
    // A new secret ends the node's current enrolment: Enter (or a hasty
    // click on the highlighted button) keeps it; creating one is a choice.
    if (isRenewal()) {
        m_buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
        m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    }
    retranslateUi();
    validate();
    fitToPage();
}

void EnrolNodeDialog::fitToPage()
{
    layout()->activate();
    adjustSize();
}

bool EnrolNodeDialog::hasResult() const
{
    return !m_resultPage->isHidden();
}

QString EnrolNodeDialog::command() const
{
    return m_command->toPlainText();
}

void EnrolNodeDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void EnrolNodeDialog::done(int result)
{
    // The secret goes with the dialog; a result counts as accepted (the
    // node exists or its secret changed, whichever button closed it).
    m_command->clear();
    QDialog::done(hasResult() ? QDialog::Accepted : result);
}

void EnrolNodeDialog::retranslateUi()
{
    setWindowTitle(isRenewal() ? tr("New enrolment secret") : tr("Enrol a node"));
    m_intro->setText(
        isRenewal()
            ? tr("A new secret for \"%1\". Any earlier secret stops working; if an agent is "
                 "enrolled, its key is revoked and it is disconnected until it enrols again "
                 "with the new secret.")
                  .arg(m_existing.name)
            : tr("Name the machine and choose labels to group it by. The next step shows the "
                 "command that installs and enrols the HiveMind agent on it."));
    const auto setLabel = [this](QWidget *field, const QString &text) {
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(field)))
            label->setText(text);
    };
    setLabel(m_name, tr("Name:"));
    setLabel(m_labels, tr("Labels:"));
    setLabel(m_description, tr("Description:"));
    setLabel(m_hours, tr("Secret expires after:"));
    m_name->setPlaceholderText(tr("e.g. %1").arg(QStringLiteral("web-01")));
    m_labels->setPlaceholderText(tr("e.g. %1").arg(QStringLiteral("prod, eu-west")));
    m_labels->setToolTip(tr("Comma separated; at most %1 labels, each 1 to %2 of a-z, A-Z, 0-9, "
                            "\"_\", \".\", \":\" or \"-\".")
                             .arg(NodeText::kMaxLabels)
                             .arg(NodeText::kMaxLabelLength));
    m_description->setPlaceholderText(tr("Optional"));
    m_hours->setSuffix(tr(" hours"));
    if (QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok))
        ok->setText(isRenewal() ? tr("Create secret") : tr("Enrol"));
    if (QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel))
        cancel->setText(tr("Cancel"));
    if (QPushButton *close = m_buttons->button(QDialogButtonBox::Close))
        close->setText(tr("Close"));

    m_commandLabel->setText(
        tr("Run this command on the machine as %1:").arg(QStringLiteral("root")));
    m_copy->setText(tr("Copy command"));
    m_expires->setText(m_expiresAt.isValid()
                           ? tr("The secret works once, until %1.").arg(dateTimeText(m_expiresAt))
                           : QString());
    m_once->setText(tr("The secret is shown only this once: copy the command now. If it is "
                       "lost, create a new enrolment secret."));
    m_fingerprint->setText(tr("When the agent enrols it prints its key's fingerprint. Compare "
                              "it with the fingerprint in this node's details before you trust "
                              "the node."));
    showProgress();
}

void EnrolNodeDialog::validate()
{
    QString labelError;
    bool ok = true;
    if (!isRenewal()) {
        labelError = NodeText::labelProblem(NodeText::splitLabels(m_labels->text()));
        ok = !m_name->text().trimmed().isEmpty() && labelError.isEmpty();
        setFieldCheck(m_labelsError, labelError);
    }
    if (QPushButton *button = m_buttons->button(QDialogButtonBox::Ok))
        button->setEnabled(ok && !m_sending);
    growToFitContents(this);
}

void EnrolNodeDialog::submit()
{
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    if (!m_client || m_sending || hasResult() || !ok || !ok->isEnabled())
        return;
    m_sending = true;
    ok->setEnabled(false);
    for (QLabel *error : {m_error, m_nameError, m_labelsError, m_descriptionError, m_hoursError})
        setFieldError(error, {});
    client::NodesApi nodes(*m_client);
    if (isRenewal()) {
        nodes.renewEnrolment(m_existing.id, m_hours->value(),
                             client::within(this, [this](Result<client::EnrolmentTicket> r) {
                                 m_sending = false;
                                 if (!r)
                                     return showError(r.error());
                                 // The server made the node pending again (its key is gone).
                                 m_node.status = QStringLiteral("pending");
                                 m_node.enrolled = false;
                                 m_node.online = false;
                                 m_node.fingerprint.clear();
                                 showTicket(*r);
                             }));
        return;
    }
    client::NewNode node;
    node.name = m_name->text().trimmed();
    node.description = m_description->text().trimmed();
    node.labels = NodeText::splitLabels(m_labels->text());
    node.expiresInHours = m_hours->value();
    nodes.create(node, client::within(this, [this](Result<client::EnrolledNode> r) {
                     m_sending = false;
                     if (!r)
                         return showError(r.error());
                     m_node = r->node;
                     showTicket(r->enrolment);
                 }));
}

void EnrolNodeDialog::showError(const hm::Error &error)
{
    const QHash<QString, QLabel *> at{{QStringLiteral("name"), m_nameError},
                                      {QStringLiteral("labels"), m_labelsError},
                                      {QStringLiteral("description"), m_descriptionError},
                                      {QStringLiteral("expires_in_hours"), m_hoursError}};
    setLocalizedFieldRefusal(at.value(NodeText::refusalField(error), m_error),
                             [error] { return NodeText::refusalText(error); });
    growToFitContents(this);
    if (QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok))
        ok->setEnabled(true);
}

void EnrolNodeDialog::showTicket(const client::EnrolmentTicket &ticket)
{
    m_expiresAt = ticket.expiresAt;
    m_command->setPlainText(ticket.command);
    m_copied->clear();
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("nodes.enrolClose"));
    m_formPage->hide();
    m_resultPage->show();
    m_progress = AgentProgress::Waiting;
    m_live->setClient(m_client);
    retranslateUi();
    fitToPage();
    m_copy->setFocus();
}

void EnrolNodeDialog::followNode(const client::NodeRow &node)
{
    if (node.id != m_node.id)
        return;
    m_node = node;
    // Progress only moves on: an online event after an enrolment, never back
    // to waiting (a renewal starts a new dialog).
    AgentProgress progress = m_progress;
    if (node.enrolled && progress == AgentProgress::Waiting)
        progress = AgentProgress::Enrolled;
    if (node.online)
        progress = AgentProgress::Online;
    m_progress = progress;
    showProgress();
}

void EnrolNodeDialog::showProgress()
{
    QString text;
    QString tone;
    switch (m_progress) {
    case AgentProgress::Waiting:
        text = tr("Waiting for the agent to enrol…");
        break;
    case AgentProgress::Enrolled:
        text = tr("The agent enrolled. Its key's fingerprint is %1: compare it with the one the "
                  "agent printed. Waiting for it to connect…")
                   .arg(m_node.fingerprint);
        tone = QStringLiteral("good");
        break;
    case AgentProgress::Online:
        text = tr("The agent is connected and the node is online. Its key's fingerprint is %1.")
                   .arg(m_node.fingerprint);
        tone = QStringLiteral("good");
        break;
    }
    // The title follows too: "waits for its agent" above "the agent is
    // connected" read as if one of them were stale.
    QString title;
    if (isRenewal())
        title = tr("\"%1\" has a new enrolment secret.").arg(m_node.name);
    else if (m_progress == AgentProgress::Waiting)
        title = tr("\"%1\" was created and waits for its agent.").arg(m_node.name);
    else if (m_progress == AgentProgress::Enrolled)
        title = tr("\"%1\" was created and its agent enrolled.").arg(m_node.name);
    else
        title = tr("\"%1\" was created and its agent is connected.").arg(m_node.name);
    m_resultTitle->setText(title);
    m_progressText->setText(text);
    m_progressText->setProperty("tone", tone);
    m_progressText->style()->unpolish(m_progressText);
    m_progressText->style()->polish(m_progressText);
}

void EnrolNodeDialog::copyCommand()
{
    if (!hasResult())
        return;
    ClipboardGuard::copySecret(m_command->toPlainText());
    m_copied->setText(tr("Copied. The clipboard is cleared in %n second(s) if it still holds "
                         "the command.",
                         "", ClipboardGuard::clearDelayMs() / 1000));
}

} // namespace hm::app
