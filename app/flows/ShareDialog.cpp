#include "flows/ShareDialog.h"

#include "client/ApiClient.h"
#include "client/FlowsApi.h"
#include "client/Within.h"
#include "flows/FlowErrorText.h"
#include "widgets/MessageBox.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hm::app {

namespace {

const QStringList kPermissions{QStringLiteral("view"), QStringLiteral("edit"),
                               QStringLiteral("admin")};

void fillPermissions(QComboBox *box)
{
    const QString current = box->currentData().toString();
    box->clear();
    for (const QString &permission : kPermissions)
        box->addItem(sharePermissionChoice(permission), permission);
    const int index = box->findData(current);
    box->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

QString sharePermissionChoice(const QString &permission)
{
    if (permission == QLatin1String("view"))
        return QCoreApplication::translate("ShareDialog", "Can view and run");
    if (permission == QLatin1String("edit"))
        return QCoreApplication::translate("ShareDialog", "Can edit");
    if (permission == QLatin1String("admin"))
        return QCoreApplication::translate("ShareDialog", "Can edit and share");
    return permission;
}

ShareDialog::ShareDialog(client::ApiClient *client, const QString &flowId, const QString &flowName,
                         QWidget *parent)
    : QDialog(parent), m_client(client), m_flowId(flowId), m_flowName(flowName),
      m_intro(new QLabel), m_emailLabel(new QLabel), m_email(new QLineEdit),
      m_permission(new QComboBox), m_add(new QPushButton), m_list(new QTreeWidget),
      m_selectedLabel(new QLabel), m_selectedPermission(new QComboBox), m_remove(new QPushButton),
      m_message(new QLabel), m_close(new QPushButton)
{
    setObjectName(QStringLiteral("flows.shareDialog"));
    m_intro->setWordWrap(true);
    m_email->setObjectName(QStringLiteral("flows.share.email"));
    m_email->setClearButtonEnabled(true);
    m_email->setMinimumWidth(240);
    m_permission->setObjectName(QStringLiteral("flows.share.permission"));
    m_add->setObjectName(QStringLiteral("flows.share.add"));
    m_add->setDefault(true);
    m_list->setObjectName(QStringLiteral("flows.share.list"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setColumnCount(3);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->setMinimumSize(520, 180);
    m_selectedPermission->setObjectName(QStringLiteral("flows.share.selectedPermission"));
    m_remove->setObjectName(QStringLiteral("flows.share.remove"));
    m_message->setObjectName(QStringLiteral("flows.share.message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setObjectName(QStringLiteral("flows.share.close"));
    m_emailLabel->setBuddy(m_email);
    m_selectedLabel->setBuddy(m_selectedPermission);

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_emailLabel);
    addRow->addWidget(m_email, 1);
    addRow->addWidget(m_permission);
    addRow->addWidget(m_add);
    auto *selectedRow = new QHBoxLayout;
    selectedRow->addWidget(m_selectedLabel);
    selectedRow->addWidget(m_selectedPermission);
    selectedRow->addStretch(1);
    selectedRow->addWidget(m_remove);
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(addRow);
    layout->addWidget(m_list, 1);
    layout->addLayout(selectedRow);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_add, &QPushButton::clicked, this, &ShareDialog::addShare);
    connect(m_email, &QLineEdit::returnPressed, this, &ShareDialog::addShare);
    connect(m_email, &QLineEdit::textChanged, this, &ShareDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        for (const client::FlowShare &share : std::as_const(m_shares)) {
            if (share.id == selectedShareId()) {
                const QSignalBlocker blocker(m_selectedPermission);
                m_selectedPermission->setCurrentIndex(
                    m_selectedPermission->findData(share.permission));
            }
        }
        updateButtons();
    });
    connect(m_selectedPermission, &QComboBox::activated, this, &ShareDialog::changePermission);
    connect(m_remove, &QPushButton::clicked, this, &ShareDialog::removeShare);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_message->hide();
    retranslate();
    reload();
}

QString ShareDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString ShareDialog::selectedShareId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item && item->isSelected() ? item->data(0, Qt::UserRole).toString() : QString();
}

void ShareDialog::callEnded()
{
    --m_busy;
    updateButtons();
    emit callFinished();
}

void ShareDialog::reload()
{
    if (!m_client)
        return;
    ++m_busy;
    updateButtons();
    client::FlowsApi(*m_client).shares(
        m_flowId, client::within(this, [this](Result<QList<client::FlowShare>> result) {
            if (result) {
                m_shares = result.value();
                fillList();
            } else {
                showError(result.error());
            }
            callEnded();
        }));
}

void ShareDialog::addShare()
{
    const QString email = m_email->text().trimmed();
    if (email.isEmpty() || !m_client || isBusy())
        return;
    ++m_busy;
    updateButtons();
    const QString permission = m_permission->currentData().toString();
    client::FlowsApi(*m_client).share(
        m_flowId, email, permission,
        client::within(this, [this, email](Result<client::FlowShare> result) {
            if (result) {
                m_shares.append(result.value());
                fillList();
                m_email->clear();
                showInfo(result.value().pending
                             ? tr("Nobody has an account with %1 yet: the flow is shared "
                                  "as soon as they create one.")
                                   .arg(email)
                             : tr("Shared with %1.").arg(email));
            } else {
                showError(result.error());
            }
            callEnded();
        }));
}

void ShareDialog::changePermission()
{
    const QString shareId = selectedShareId();
    if (shareId.isEmpty() || !m_client || isBusy())
        return;
    const QString permission = m_selectedPermission->currentData().toString();
    ++m_busy;
    updateButtons();
    client::FlowsApi(*m_client).setSharePermission(
        m_flowId, shareId, permission,
        client::within(this, [this](Result<client::FlowShare> result) {
            if (result) {
                for (client::FlowShare &share : m_shares) {
                    if (share.id == result.value().id)
                        share = result.value();
                }
                fillList();
                showInfo(tr("Permission changed."));
            } else {
                showError(result.error());
                fillList(); // back to what the server has
            }
            callEnded();
        }));
}

void ShareDialog::removeShare()
{
    const QString shareId = selectedShareId();
    if (shareId.isEmpty() || !m_client || isBusy())
        return;
    QString who;
    for (const client::FlowShare &share : std::as_const(m_shares)) {
        if (share.id == shareId)
            who = share.userEmail.isEmpty() ? share.invitedEmail : share.userEmail;
    }
    if (!MessageBox::confirm(this, tr("Stop Sharing"),
                             tr("Stop sharing “%1” with %2? They will no longer see the flow or "
                                "run it.")
                                 .arg(m_flowName, who),
                             tr("Stop Sharing"), QStringLiteral("flows.confirmUnshare"),
                             MessageBox::Confirm::Destructive))
        return;
    ++m_busy;
    updateButtons();
    client::FlowsApi(*m_client).removeShare(
        m_flowId, shareId, client::within(this, [this, shareId, who](Status result) {
            if (result) {
                m_shares.removeIf(
                    [&shareId](const client::FlowShare &share) { return share.id == shareId; });
                fillList();
                showInfo(tr("The flow is no longer shared with %1.").arg(who));
            } else {
                showError(result.error());
            }
            callEnded();
        }));
}

void ShareDialog::fillList()
{
    const QString selected = selectedShareId();
    m_list->clear();
    for (const client::FlowShare &share : std::as_const(m_shares)) {
        auto *item = new QTreeWidgetItem(m_list);
        QString person;
        if (share.pending)
            person = tr("%1 (invited)").arg(share.invitedEmail);
        else if (!share.userName.isEmpty() && !share.userEmail.isEmpty())
            person = tr("%1 <%2>").arg(share.userName, share.userEmail);
        else
            person = share.userEmail.isEmpty() ? share.userName : share.userEmail;
        item->setText(0, person);
        item->setText(1, sharePermissionChoice(share.permission));
        item->setText(2, share.sharedByName);
        item->setData(0, Qt::UserRole, share.id);
        if (share.id == selected) {
            m_list->setCurrentItem(item);
            item->setSelected(true);
        }
    }
    updateButtons();
}

void ShareDialog::updateButtons()
{
    const bool idle = !isBusy();
    m_add->setEnabled(idle && !m_email->text().trimmed().isEmpty());
    const bool selected = !selectedShareId().isEmpty();
    m_selectedPermission->setEnabled(idle && selected);
    m_remove->setEnabled(idle && selected);
}

void ShareDialog::showError(const hm::Error &error)
{
    m_message->setProperty("tone", QStringLiteral("bad"));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_message->setText(describeFlowError(error));
    m_message->show();
}

void ShareDialog::showInfo(const QString &text)
{
    m_message->setProperty("tone", QString());
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_message->setText(text);
    m_message->show();
}

void ShareDialog::retranslate()
{
    setWindowTitle(tr("Share “%1”").arg(m_flowName));
    m_intro->setText(tr("People you share the flow with see it in their list. View lets them "
                        "run it, edit lets them change it, admin lets them share it too."));
    m_emailLabel->setText(tr("&E-mail:"));
    m_email->setPlaceholderText(tr("colleague@example.com"));
    m_add->setText(tr("&Share"));
    m_list->setHeaderLabels({tr("Person"), tr("Permission"), tr("Shared by")});
    m_selectedLabel->setText(tr("&Selected:"));
    m_remove->setText(tr("Stop Sharing"));
    m_close->setText(tr("Close"));
    fillPermissions(m_permission);
    fillPermissions(m_selectedPermission);
    fillList();
}

void ShareDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace hm::app
