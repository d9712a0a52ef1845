#include "operations/CaCertificateField.h"

#include "widgets/MessageBox.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSslCertificate>
#include <QStyle>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// The server's limit for ca_pem (AccountMailSettings).
constexpr qint64 kCaPemMaxBytes = 64 * 1024;

QString caSubjectName(const QSslCertificate &certificate)
{
    QStringList names = certificate.subjectInfo(QSslCertificate::CommonName);
    if (names.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::Organization);
    return names.isEmpty() ? certificate.subjectDisplayName() : names.join(QStringLiteral(", "));
}

// The style sheet reads the tone when the label is polished: again after
// a change.
void setCaInfoTone(QLabel *label, bool bad)
{
    const QString tone = bad ? QStringLiteral("bad") : QString();
    if (label->property("tone").toString() == tone)
        return;
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

} // namespace

CaCertificateField::CaCertificateField(const QString &objectPrefix, QWidget *parent)
    : QWidget(parent), m_text(new QPlainTextEdit), m_load(new QPushButton),
      m_clear(new QPushButton), m_info(new QLabel)
{
    m_text->setObjectName(objectPrefix);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTabChangesFocus(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 4 + 12);
    m_load->setObjectName(objectPrefix + QStringLiteral("Load"));
    m_clear->setObjectName(objectPrefix + QStringLiteral("Clear"));
    m_info->setObjectName(objectPrefix + QStringLiteral("Info"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_load);
    buttons->addWidget(m_clear);
    buttons->addStretch(1);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_text, 1);
    row->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_info);

    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        m_fileProblem.clear();
        describe();
        emit edited();
    });
    connect(m_load, &QPushButton::clicked, this, &CaCertificateField::chooseFile);
    connect(m_clear, &QPushButton::clicked, this, [this] { m_text->clear(); });
    retranslate();
}

QString CaCertificateField::pem() const
{
    return m_text->toPlainText().trimmed();
}

void CaCertificateField::setPem(const QString &pem)
{
    const QSignalBlocker block(m_text);
    m_text->setPlainText(pem.trimmed());
    m_fileProblem.clear();
    describe();
}

QString CaCertificateField::info() const
{
    return m_info->text();
}

bool CaCertificateField::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_fileProblem =
            tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        describe();
        return false;
    }
    if (file.size() > kCaPemMaxBytes) {
        m_fileProblem = tr("%1 is larger than 64 KiB: not a CA certificate file.")
                            .arg(QDir::toNativeSeparators(path));
        describe();
        return false;
    }
    m_text->setPlainText(QString::fromUtf8(file.readAll()).trimmed());
    return true;
}

void CaCertificateField::chooseFile()
{
    QFileDialog dialog(this, tr("CA Certificate"));
    dialog.setObjectName(QStringLiteral("mail.caFileDialog"));
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setNameFilters({tr("Certificates (*.pem *.crt *.cer)"), tr("All files (*)")});
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    loadFile(dialog.selectedFiles().constFirst());
}

void CaCertificateField::describe()
{
    const QString text = pem();
    m_clear->setEnabled(isEnabled() && !text.isEmpty());
    m_problem.clear();
    if (!m_fileProblem.isEmpty()) {
        setCaInfoTone(m_info, true);
        m_info->setText(m_fileProblem);
        return;
    }
    if (text.isEmpty()) {
        setCaInfoTone(m_info, false);
        m_info->setText(tr("None: the server trusts the system's certificate authorities."));
        return;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(text.toUtf8(), QSsl::Pem);
    if (certificates.isEmpty() || text.toUtf8().size() > kCaPemMaxBytes) {
        m_problem = tr("Not a PEM certificate: paste the text from \"-----BEGIN "
                       "CERTIFICATE-----\" to \"-----END CERTIFICATE-----\" (at most 64 KiB).");
        setCaInfoTone(m_info, true);
        m_info->setText(m_problem);
        return;
    }
    QStringList lines;
    bool expired = false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QSslCertificate &certificate : certificates) {
        const QString until =
            QLocale().toString(certificate.expiryDate().toLocalTime().date(), QLocale::ShortFormat);
        if (certificate.expiryDate() < now) {
            expired = true;
            lines << tr("%1: expired on %2").arg(caSubjectName(certificate), until);
        } else {
            lines << tr("%1: valid until %2").arg(caSubjectName(certificate), until);
        }
    }
    // An expired CA is kept (the server decides), but it is said plainly.
    setCaInfoTone(m_info, expired);
    m_info->setText(lines.join(u'\n'));
}

void CaCertificateField::retranslate()
{
    m_load->setText(tr("Load from File…"));
    m_clear->setText(tr("Clear"));
    m_text->setPlaceholderText(tr("Optional: paste the PEM certificate of a private CA"));
    describe();
}

void CaCertificateField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::EnabledChange)
        describe();
    QWidget::changeEvent(event);
}

} // namespace hm::app
