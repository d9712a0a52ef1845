#include "fleet/KillProcessDialog.h"
#include "widgets/Retranslate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

KillProcessDialog::KillProcessDialog(const client::ProcessRow &process, const QString &nodeName,
                                     QWidget *parent)
    : QDialog(parent), m_process(process), m_nodeName(nodeName)
{
    setObjectName(QStringLiteral("nodes.processes.killDialog"));
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("nodes.processes.killText"));
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    auto *form = new QFormLayout();
    m_signalLabel = new QLabel(this);
    m_signal = new QComboBox(this);
    m_signal->setObjectName(QStringLiteral("nodes.processes.signal"));
    for (const QString &name : signalNames())
        m_signal->addItem(QString(), name);
    m_signalLabel->setBuddy(m_signal);
    form->addRow(m_signalLabel, m_signal);
    layout->addLayout(form);
    m_meaning = new QLabel(this);
    m_meaning->setObjectName(QStringLiteral("nodes.processes.signalMeaning"));
    m_meaning->setWordWrap(true);
    m_meaning->setProperty("hmStyle", QStringLiteral("muted"));
    layout->addWidget(m_meaning);
    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setObjectName(QStringLiteral("nodes.processes.killSend"));
    // Nothing is sent by Enter alone on a destructive dialog.
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_signal, &QComboBox::currentIndexChanged, this, &KillProcessDialog::showSignal);
    retranslateUi();
}

QStringList KillProcessDialog::signalNames()
{
    return {QStringLiteral("TERM"), QStringLiteral("KILL"), QStringLiteral("HUP"),
            QStringLiteral("INT"),  QStringLiteral("QUIT"), QStringLiteral("STOP"),
            QStringLiteral("CONT"), QStringLiteral("USR1"), QStringLiteral("USR2")};
}

QString KillProcessDialog::signalName() const
{
    return m_signal->currentData().toString();
}

void KillProcessDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void KillProcessDialog::retranslateUi()
{
    setWindowTitle(tr("Kill process"));
    m_text->setText(tr("Send a signal to \"%1\" (pid %2, user %3) on %4?")
                        .arg(m_process.name)
                        .arg(m_process.pid)
                        .arg(m_process.user, m_nodeName));
    m_signalLabel->setText(tr("&Signal:"));
    for (int i = 0; i < m_signal->count(); ++i) {
        const QString name = m_signal->itemData(i).toString();
        QString word;
        if (name == u"TERM")
            word = tr("Terminate");
        else if (name == u"KILL")
            word = tr("Kill");
        else if (name == u"HUP")
            word = tr("Hang up");
        else if (name == u"INT")
            word = tr("Interrupt");
        else if (name == u"QUIT")
            word = tr("Quit");
        else if (name == u"STOP")
            word = tr("Pause");
        else if (name == u"CONT")
            word = tr("Resume");
        else
            word = tr("User signal");
        m_signal->setItemText(i, QStringLiteral("%1 (SIG%2)").arg(word, name));
    }
    showSignal();
}

void KillProcessDialog::showSignal()
{
    const QString name = signalName();
    QString meaning;
    if (name == u"TERM")
        meaning = tr("Asks the process to end; it may clean up first, or ignore it.");
    else if (name == u"KILL")
        meaning = tr("Ends the process at once; it cannot clean up or refuse. Unsaved work is "
                     "lost.");
    else if (name == u"HUP")
        meaning = tr("Many services read their configuration again on it; other programs end.");
    else if (name == u"INT")
        meaning = tr("As Ctrl+C in a terminal: most programs end.");
    else if (name == u"QUIT")
        meaning = tr("Ends the process and may write a core dump.");
    else if (name == u"STOP")
        meaning = tr("Pauses the process until it gets CONT; it cannot refuse.");
    else if (name == u"CONT")
        meaning = tr("Resumes a paused process.");
    else
        meaning = tr("What it does is up to the program.");
    m_meaning->setText(meaning);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Send SIG%1").arg(name));
}

} // namespace hm::app
