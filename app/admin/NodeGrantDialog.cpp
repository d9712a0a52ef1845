#include "admin/NodeGrantDialog.h"

#include "admin/NodeGrantModel.h"
#include "client/RemoteApi.h"
#include "client/Within.h"
#include "widgets/FieldError.h"
#include "widgets/ServerErrorText.h"
#include "widgets/Retranslate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// The subject combo's data: "role" + "USER", or "user" + the id.
const QString kGrantRolePrefix = QStringLiteral("role:");
const QString kGrantUserPrefix = QStringLiteral("user:");

} // namespace

NodeGrantDialog::NodeGrantDialog(client::ApiClient *client, const QList<client::UserInfo> &users,
                                 const QStringList &labels, QWidget *parent)
    : QDialog(parent), m_client(client), m_users(users)
{
    setObjectName(QStringLiteral("nodegrants.dialog"));
    setMinimumWidth(480);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("nodegrants.intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout();
    m_subject = new QComboBox(this);
    m_subject->setObjectName(QStringLiteral("nodegrants.subject"));
    m_subject->addItem(QString(), QString(kGrantRolePrefix + QStringLiteral("USER")));
    for (const client::UserInfo &user : users)
        m_subject->addItem(user.email.isEmpty()
                               ? user.username
                               : QStringLiteral("%1 (%2)").arg(user.username, user.email),
                           QString(kGrantUserPrefix + user.id));
    addFieldRow(form, &m_subjectLabel, m_subject);
    m_label = new QComboBox(this);
    m_label->setObjectName(QStringLiteral("nodegrants.label"));
    m_label->setEditable(true);
    m_label->setInsertPolicy(QComboBox::NoInsert);
    m_label->addItem(QStringLiteral("*"));
    m_label->addItems(labels);
    addFieldRow(form, &m_labelLabel, m_label);
    m_labelHint = new QLabel(this);
    m_labelHint->setObjectName(QStringLiteral("nodegrants.labelHint"));
    m_labelHint->setWordWrap(true);
    m_labelHint->setProperty("hmStyle", QStringLiteral("muted"));
    form->addRow(nullptr, m_labelHint);
    m_capability = new QComboBox(this);
    m_capability->setObjectName(QStringLiteral("nodegrants.capability"));
    for (const QString &name : NodeGrantModel::capabilities())
        m_capability->addItem(QString(), name);
    // The one tool the console has so far.
    m_capability->setCurrentIndex(m_capability->findData(QStringLiteral("processes")));
    addFieldRow(form, &m_capabilityLabel, m_capability);
    m_capabilityWarning = new QLabel(this);
    m_capabilityWarning->setObjectName(QStringLiteral("nodegrants.capabilityWarning"));
    m_capabilityWarning->setWordWrap(true);
    m_capabilityWarning->setProperty("hmStyle", QStringLiteral("banner"));
    m_capabilityWarning->setProperty("tone", QStringLiteral("bad"));
    form->addRow(nullptr, m_capabilityWarning);
    connect(m_capability, &QComboBox::currentIndexChanged, this,
            &NodeGrantDialog::showCapabilityWarning);
    layout->addLayout(form);
    m_error = createFieldError(this, QStringLiteral("nodegrants.error"));
    layout->addWidget(m_error);
    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("nodegrants.save"));
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setObjectName(QStringLiteral("nodegrants.cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NodeGrantDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_label, &QComboBox::editTextChanged, this, &NodeGrantDialog::validate);
    retranslateUi();
    validate();
}

void NodeGrantDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void NodeGrantDialog::retranslateUi()
{
    setWindowTitle(tr("Add node grant"));
    m_intro->setText(tr("Let a user act on the nodes with a label through their agents. "
                        "Administrators may do everything already; viewers never act. The "
                        "node's agent must allow the capability too."));
    m_subjectLabel->setText(tr("&Who:"));
    m_subject->setItemText(0, tr("Every user with the USER role"));
    m_labelLabel->setText(tr("&Nodes:"));
    m_labelHint->setText(tr("A node label, or * for every node."));
    m_capabilityLabel->setText(tr("&May use:"));
    for (int i = 0; i < m_capability->count(); ++i)
        m_capability->setItemText(
            i, NodeGrantModel::capabilityText(m_capability->itemData(i).toString()));
    for (int i = 0; i < m_capability->count(); ++i)
        m_capability->setItemData(
            i, NodeGrantModel::capabilityWarning(m_capability->itemData(i).toString()),
            Qt::ToolTipRole);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Grant"));
    showCapabilityWarning();
}

void NodeGrantDialog::showCapabilityWarning()
{
    const QString warning =
        NodeGrantModel::capabilityWarning(m_capability->currentData().toString());
    m_capabilityWarning->setText(warning);
    m_capabilityWarning->setVisible(!warning.isEmpty());
}

void NodeGrantDialog::validate()
{
    const QString label = m_label->currentText().trimmed();
    const bool spaced = label.contains(u' ');
    setFieldError(m_error, spaced ? tr("A label has no spaces.") : QString());
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_busy && !label.isEmpty() && !spaced && m_client);
}

void NodeGrantDialog::submit()
{
    if (!m_client || m_busy)
        return;
    const QString subject = m_subject->currentData().toString();
    client::NodeGrant grant;
    if (subject.startsWith(kGrantRolePrefix)) {
        grant.subjectKind = QStringLiteral("role");
        grant.subject = subject.mid(kGrantRolePrefix.size());
    } else {
        grant.subjectKind = QStringLiteral("user");
        grant.subject = subject.mid(kGrantUserPrefix.size());
    }
    grant.label = m_label->currentText().trimmed();
    grant.capability = m_capability->currentData().toString();
    m_busy = true;
    validate();
    setFieldError(m_error, {});
    client::RemoteApi(*m_client).createGrant(
        grant, client::within(this, [this](Result<client::NodeGrant> r) {
            m_busy = false;
            validate();
            if (!r) {
                setFieldError(m_error,
                              r.error().code == ErrorCode::ResourceAlreadyExists
                                  ? tr("This grant exists already.")
                                  : describeApiErrorSentence(r.error()));
                return;
            }
            m_created = r.value();
            accept();
        }));
}

} // namespace hm::app
