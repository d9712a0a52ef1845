#include "fleet/NodeEditDialog.h"

#include "client/NodesApi.h"
#include "client/Within.h"
#include "fleet/NodeText.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"
#include "widgets/WindowFit.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHash>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

NodeEditDialog::NodeEditDialog(client::ApiClient *client, const client::NodeRow &node,
                               QWidget *parent)
    : QDialog(parent), m_client(client), m_node(node)
{
    setObjectName(QStringLiteral("nodes.editDialog"));
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("nodes.edit.intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout();
    const auto field = [&](QLabel **label, QLineEdit **edit, QLabel **error, const char *name,
                           const QString &value, int maxLength) {
        *label = new QLabel(this);
        *edit = new QLineEdit(value, this);
        (*edit)->setObjectName(QStringLiteral("nodes.edit.") + QLatin1String(name));
        (*edit)->setMaxLength(maxLength);
        (*label)->setBuddy(*edit);
        *error = createFieldError(this, QStringLiteral("nodes.edit.") + QLatin1String(name) +
                                            QStringLiteral("Error"));
        form->addRow(*label, *edit);
        form->addRow(nullptr, *error);
        linkFieldError(*error, *edit);
        connect(*edit, &QLineEdit::textChanged, this, &NodeEditDialog::validate);
    };
    field(&m_nameLabel, &m_name, &m_nameError, "name", node.name, NodeText::kMaxNameLength);
    field(&m_labelsLabel, &m_labels, &m_labelsError, "labels",
          node.labels.join(QStringLiteral(", ")), 32767);
    field(&m_descriptionLabel, &m_description, &m_descriptionError, "description", node.description,
          NodeText::kMaxDescriptionLength);
    layout->addLayout(form);
    m_error = createFieldError(this, QStringLiteral("nodes.edit.error"));
    layout->addWidget(m_error);
    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("nodes.edit.save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("nodes.edit.cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NodeEditDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    retranslateUi();
    validate();
}

QJsonObject NodeEditDialog::changes() const
{
    QJsonObject changed;
    const QString name = m_name->text().trimmed();
    if (name != m_node.name)
        changed.insert(QStringLiteral("name"), name);
    const QStringList labels = NodeText::splitLabels(m_labels->text());
    if (labels != m_node.labels)
        changed.insert(QStringLiteral("labels"), QJsonArray::fromStringList(labels));
    const QString description = m_description->text().trimmed();
    if (description != m_node.description)
        changed.insert(QStringLiteral("description"), description);
    return changed;
}

void NodeEditDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void NodeEditDialog::retranslateUi()
{
    setWindowTitle(tr("Edit node"));
    m_intro->setText(tr("Rename \"%1\" or change its labels and description. Its agent, key and "
                        "history stay as they are.")
                         .arg(m_node.name));
    m_nameLabel->setText(tr("&Name:"));
    m_labelsLabel->setText(tr("&Labels:"));
    m_descriptionLabel->setText(tr("&Description:"));
    m_labels->setToolTip(tr("Comma separated; at most %1 labels, each 1 to %2 of a-z, A-Z, 0-9, "
                            "\"_\", \".\", \":\" or \"-\".")
                             .arg(NodeText::kMaxLabels)
                             .arg(NodeText::kMaxLabelLength));
    m_description->setPlaceholderText(tr("Optional"));
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    validate();
}

void NodeEditDialog::validate()
{
    const QString labelError = NodeText::labelProblem(NodeText::splitLabels(m_labels->text()));
    // Checks, so that a refusal of the server stays until its field changes.
    setFieldCheck(m_labelsError, labelError);
    const bool named = !m_name->text().trimmed().isEmpty();
    setFieldCheck(m_nameError, named ? QString() : tr("A node needs a name."));
    // Nothing changed: nothing to save.
    m_buttons->button(QDialogButtonBox::Save)
        ->setEnabled(named && labelError.isEmpty() && !changes().isEmpty() && !m_sending);
    growToFitContents(this);
}

void NodeEditDialog::submit()
{
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    if (!m_client || m_sending || !save->isEnabled())
        return;
    m_sending = true;
    save->setEnabled(false);
    setFieldError(m_error, {});
    client::NodesApi(*m_client).update(m_node.id, changes(),
                                       client::within(this, [this](Result<client::NodeRow> r) {
                                           m_sending = false;
                                           if (!r) {
                                               validate(); // Save again once something changes
                                               showError(r.error());
                                               return;
                                           }
                                           m_node = *r;
                                           accept();
                                       }));
}

void NodeEditDialog::showError(const hm::Error &error)
{
    const QHash<QString, QLabel *> at{{QStringLiteral("name"), m_nameError},
                                      {QStringLiteral("labels"), m_labelsError},
                                      {QStringLiteral("description"), m_descriptionError}};
    setLocalizedFieldRefusal(at.value(NodeText::refusalField(error), m_error),
                             [error] { return NodeText::refusalText(error); });
    growToFitContents(this);
}

} // namespace hm::app
