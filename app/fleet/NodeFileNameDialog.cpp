#include "fleet/NodeFileNameDialog.h"
#include "widgets/Retranslate.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

NodeFileNameDialog::NodeFileNameDialog(Purpose purpose, const QString &folder,
                                       const QString &current, QWidget *parent)
    : QDialog(parent), m_purpose(purpose), m_folder(folder), m_current(current)
{
    setObjectName(QStringLiteral("nodes.files.nameDialog"));
    setMinimumWidth(420);
    auto *layout = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("nodes.files.nameText"));
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    m_name = new QLineEdit(current, this);
    m_name->setObjectName(QStringLiteral("nodes.files.name"));
    m_name->setMaxLength(255);
    layout->addWidget(m_name);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("nodes.files.nameProblem"));
    m_problem->setProperty("hmStyle", QStringLiteral("muted"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("nodes.files.nameOk"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_name, &QLineEdit::textChanged, this, &NodeFileNameDialog::validate);
    // The stem selected, as file managers do: the extension stays.
    const qsizetype dot = current.lastIndexOf(u'.');
    m_name->setSelection(0, dot > 0 ? dot : current.size());
    retranslateUi();
}

QString NodeFileNameDialog::name() const
{
    return m_name->text().trimmed();
}

QString NodeFileNameDialog::problem(const QString &name)
{
    if (name.isEmpty())
        return tr("Type a name.");
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return tr("\".\" and \"..\" are not names.");
    if (name.contains(u'/'))
        return tr("A name cannot contain \"/\".");
    for (const QChar c : name)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return tr("A name cannot contain control characters.");
    return {};
}

void NodeFileNameDialog::validate()
{
    QString why = problem(name());
    if (why.isEmpty() && m_purpose == Purpose::Rename && name() == m_current)
        why = tr("Type another name.");
    m_problem->setText(why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

void NodeFileNameDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void NodeFileNameDialog::retranslateUi()
{
    const QString where = m_folder.isEmpty() ? QStringLiteral("/") : m_folder;
    if (m_purpose == Purpose::NewFolder) {
        setWindowTitle(tr("New folder"));
        m_text->setText(tr("Name of the new folder in %1:").arg(where));
    } else {
        setWindowTitle(tr("Rename"));
        m_text->setText(tr("New name for \"%1\" in %2:").arg(m_current, where));
    }
    validate();
}

} // namespace hm::app
