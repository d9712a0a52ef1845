#include "flows/FlowNameDialog.h"

#include "widgets/FieldError.h"

#include <QBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace hm::app {

namespace {
constexpr int kQuotedNameLength = 60;
}

QString quotedFlowName(const QString &name)
{
    if (name.size() <= kQuotedNameLength)
        return name;
    return name.left(kQuotedNameLength - 1) + QChar(0x2026);
}

FlowNameDialog::FlowNameDialog(const QString &title, const QString &label, const QString &initial,
                               QWidget *parent)
    : QInputDialog(parent)
{
    setObjectName(QStringLiteral("flows.nameDialog"));
    setWindowTitle(title);
    setLabelText(label);
    setInputMode(QInputDialog::TextInput);
    setTextValue(initial.left(kMaxFlowNameLength));
    (void)sizeHint(); // QInputDialog builds its layout and field on demand
    if (auto *field = findChild<QLineEdit *>()) {
        field->setObjectName(QStringLiteral("flows.nameDialog.name"));
        field->setMaxLength(kMaxFlowNameLength);
    }
    m_error = createFieldError(this, QStringLiteral("flows.nameDialog.error"));
    // Under the field, over the buttons (QInputDialog: label, field, buttons).
    if (auto *box = qobject_cast<QBoxLayout *>(layout()))
        box->insertWidget(box->count() - 1, m_error);
    connect(this, &QInputDialog::textValueChanged, this, [this] { setFieldError(m_error, {}); });
    resize(420, sizeHint().height());
}

QString FlowNameDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void FlowNameDialog::done(int result)
{
    if (result == QDialog::Accepted && name().isEmpty()) {
        setFieldError(m_error, tr("Enter a name: a flow cannot be saved without one."));
        return; // stays open
    }
    QInputDialog::done(result);
}

} // namespace hm::app
