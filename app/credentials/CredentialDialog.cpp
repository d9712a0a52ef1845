#include "credentials/CredentialDialog.h"

#include "client/ApiClient.h"
#include "client/Within.h"
#include "credentials/CredentialText.h"
#include "credentials/CredentialUsageModel.h"
#include "widgets/AdminText.h"
#include "widgets/FieldError.h"
#include "widgets/MessageBox.h"
#include "widgets/Retranslate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace hm::app {

namespace {

constexpr qint64 kMaxKeyFileBytes = 64 * 1024;

QString fieldObjectName(const QString &type, const QString &field, const char *suffix = nullptr)
{
    QString name = QStringLiteral("credentials.%1.%2").arg(type, field);
    if (suffix)
        name += u'.' + QString::fromLatin1(suffix);
    return name;
}

QStringList splitScopes(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
}

} // namespace

CredentialDialog::CredentialDialog(client::ApiClient *client,
                                   const client::CredentialInfo *existing, QWidget *parent)
    : QDialog(parent), m_client(client), m_existing(existing ? *existing : client::CredentialInfo{})
{
    setObjectName(QStringLiteral("credentials.dialog"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("credentials.intro"));
    m_intro->setProperty("hmStyle", QStringLiteral("muted"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    m_form = new QFormLayout();
    m_name = new QLineEdit(m_existing.name, this);
    m_name->setObjectName(QStringLiteral("credentials.name"));
    m_nameError = createFieldError(this, QStringLiteral("credentials.nameError"));
    m_description = new QLineEdit(m_existing.description, this);
    m_description->setObjectName(QStringLiteral("credentials.description"));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("credentials.type"));
    for (const QString &type : CredentialText::types())
        m_type->addItem(QString(), type);
    m_type->setEnabled(isCreate());
    m_visibility = new QComboBox(this);
    m_visibility->setObjectName(QStringLiteral("credentials.visibility"));
    for (const char *v : {"private", "shared"})
        m_visibility->addItem(QString(), QString::fromLatin1(v));
    // The seed's "workspace" (set through the API) is kept when editing; it
    // means what "shared" means on a one-workspace server (docs/vault.md).
    if (m_existing.visibility == QLatin1String("workspace"))
        m_visibility->addItem(QString(), m_existing.visibility);
    m_visibility->setCurrentIndex(qMax(0, m_visibility->findData(m_existing.visibility)));
    m_form->addRow(new QLabel(this), m_name);
    m_form->addRow(new QLabel(this), m_nameError);
    m_form->addRow(new QLabel(this), m_description);
    m_form->addRow(new QLabel(this), m_type);
    m_form->addRow(new QLabel(this), m_visibility);
    layout->addLayout(m_form);
    setFieldError(m_nameError, {});
    linkFieldError(m_nameError, m_name);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("credentials.typePages"));
    for (const QString &type : CredentialText::types())
        buildTypePage(type);
    layout->addWidget(m_pages, 1);

    if (!isCreate()) {
        // What uses it: services linking it (GET /credentials/{id}/usages).
        m_usedByTitle = new QLabel(this);
        m_usedByTitle->setObjectName(QStringLiteral("credentials.usedByTitle"));
        QFont bold = m_usedByTitle->font();
        bold.setBold(true);
        m_usedByTitle->setFont(bold);
        layout->addWidget(m_usedByTitle);
        m_usageModel = new CredentialUsageModel(this);
        m_usedBy = new QTreeView(this);
        m_usedBy->setObjectName(QStringLiteral("credentials.usedBy"));
        m_usedBy->setModel(m_usageModel);
        m_usedBy->setRootIsDecorated(false);
        m_usedBy->setUniformRowHeights(true);
        m_usedBy->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_usedBy->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_usedBy->header()->setStretchLastSection(false);
        m_usedBy->header()->setSectionResizeMode(CredentialUsageModel::NameColumn,
                                                 QHeaderView::Stretch);
        m_usedBy->header()->setSectionResizeMode(CredentialUsageModel::KindColumn,
                                                 QHeaderView::ResizeToContents);
        layout->addWidget(m_usedBy);
        m_usedByState = new QLabel(this);
        m_usedByState->setObjectName(QStringLiteral("credentials.usedByState"));
        m_usedByState->setProperty("hmStyle", QStringLiteral("muted"));
        m_usedByState->setWordWrap(true);
        layout->addWidget(m_usedByState);
        connect(m_usageModel, &CredentialUsageModel::stateChanged, this,
                &CredentialDialog::showUsageState);
        connect(m_usedBy, &QTreeView::activated, this, [this](const QModelIndex &index) {
            if (const client::CredentialUsage *u = m_usageModel->usage(index.row()))
                emit usageActivated(u->type, u->id);
        });
        m_usageModel->load(m_client, m_existing.id);
    }

    m_error = createFieldError(this, QStringLiteral("credentials.dialogError"));
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("credentials.buttons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("credentials.ok"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CredentialDialog::submit);
    showChecksOnBlockedAccept(this, m_buttons->button(QDialogButtonBox::Ok));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &CredentialDialog::validate);
    connect(m_type, &QComboBox::currentIndexChanged, this,
            [this] { setType(m_type->currentData().toString()); });
    setType(isCreate() ? CredentialText::types().first() : m_existing.type);
    retranslateUi();
}

CredentialDialog::~CredentialDialog() = default;

QString CredentialDialog::currentType() const
{
    return m_type->currentData().toString();
}

void CredentialDialog::setType(const QString &type)
{
    const int index = m_type->findData(type);
    if (index < 0)
        return;
    if (m_type->currentIndex() != index)
        m_type->setCurrentIndex(index); // comes back here
    m_pages->setCurrentIndex(index);
    // The stack as tall as the type shown, not as the tallest form.
    for (int i = 0; i < m_pages->count(); ++i)
        m_pages->widget(i)->setSizePolicy(
            i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored,
            i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    alignLabels();
    if (isVisible())
        adjustSize();
    validate();
}

void CredentialDialog::buildTypePage(const QString &type)
{
    using K = Kind;
    const QStringList none;
    struct Spec
    {
        const char *name;
        const char *label;
        Kind kind;
        bool required;
        QStringList choices;
        int defaultPort;
    };
    QList<Spec> specs;
    if (type == QLatin1String("http_basic")) {
        specs = {{"username", QT_TR_NOOP("Username"), K::Text, true, none, 0},
                 {"password", QT_TR_NOOP("Password"), K::Secret, true, none, 0}};
    } else if (type == QLatin1String("http_bearer")) {
        specs = {{"token", QT_TR_NOOP("Token"), K::Secret, true, none, 0}};
    } else if (type == QLatin1String("api_key")) {
        specs = {{"key", QT_TR_NOOP("Key"), K::Secret, true, none, 0},
                 {"in", QT_TR_NOOP("Send in"), K::Choice, true,
                  QStringList{QStringLiteral("header"), QStringLiteral("query")}, 0},
                 {"name", QT_TR_NOOP("Header or parameter name"), K::Text, true, none, 0},
                 {"prefix", QT_TR_NOOP("Prefix"), K::Text, false, none, 0}};
    } else if (type == QLatin1String("oauth2")) {
        specs = {{"clientId", QT_TR_NOOP("Client ID"), K::Text, true, none, 0},
                 {"clientSecret", QT_TR_NOOP("Client secret"), K::Secret, true, none, 0},
                 {"tokenUrl", QT_TR_NOOP("Token URL"), K::Text, true, none, 0},
                 {"scopes", QT_TR_NOOP("Scopes"), K::Scopes, false, none, 0}};
    } else if (type == QLatin1String("database")) {
        specs = {{"host", QT_TR_NOOP("Host"), K::Text, true, none, 0},
                 {"port", QT_TR_NOOP("Port"), K::Port, false, none, 0},
                 {"database", QT_TR_NOOP("Database"), K::Text, true, none, 0},
                 {"username", QT_TR_NOOP("Username"), K::Text, true, none, 0},
                 {"password", QT_TR_NOOP("Password"), K::Secret, false, none, 0},
                 {"driver", QT_TR_NOOP("Driver"), K::Choice, true,
                  QStringList{QStringLiteral("postgresql"), QStringLiteral("mysql")}, 0}};
    } else if (type == QLatin1String("ssh")) {
        specs = {{"host", QT_TR_NOOP("Host"), K::Text, true, none, 0},
                 {"port", QT_TR_NOOP("Port"), K::Port, false, none, 22},
                 {"username", QT_TR_NOOP("Username"), K::Text, true, none, 0},
                 {"privateKey", QT_TR_NOOP("Private key"), K::MultilineSecret, true, none, 0},
                 {"passphrase", QT_TR_NOOP("Passphrase"), K::Secret, false, none, 0}};
    }
    auto *page = new QWidget(m_pages);
    page->setObjectName(QStringLiteral("credentials.page.") + type);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    const bool mine = !isCreate() && m_existing.type == type;
    const QJsonObject data = mine ? m_existing.data : QJsonObject{};
    for (const Spec &spec : specs) {
        Field f;
        f.type = type;
        f.name = QString::fromLatin1(spec.name);
        f.label = spec.label;
        f.kind = spec.kind;
        f.required = spec.required;
        f.choices = spec.choices;
        f.defaultPort = spec.defaultPort;
        f.labelWidget = new QLabel(page);
        const QJsonValue value = data.value(f.name);
        switch (f.kind) {
        case Kind::Text: {
            auto *edit = new QLineEdit(value.toString(), page);
            connect(edit, &QLineEdit::textChanged, this, &CredentialDialog::validate);
            f.editor = edit;
            break;
        }
        case Kind::Scopes: {
            QStringList scopes;
            if (value.isArray()) {
                for (const QJsonValue &s : value.toArray())
                    scopes << s.toString();
            } else {
                scopes = splitScopes(value.toString());
            }
            auto *edit = new QLineEdit(scopes.join(u' '), page);
            f.editor = edit;
            break;
        }
        case Kind::Port: {
            auto *spin = new QSpinBox(page);
            spin->setRange(0, 65535);
            spin->setValue(value.toInt(0));
            spin->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
            f.editor = spin;
            break;
        }
        case Kind::Choice: {
            auto *combo = new QComboBox(page);
            for (const QString &choice : f.choices)
                combo->addItem(QString(), choice);
            combo->setCurrentIndex(qMax(0, combo->findData(value.toString())));
            f.editor = combo;
            break;
        }
        case Kind::Secret: {
            auto *edit = new QLineEdit(page);
            edit->setEchoMode(QLineEdit::Password);
            connect(edit, &QLineEdit::textChanged, this, &CredentialDialog::validate);
            f.editor = edit;
            break;
        }
        case Kind::MultilineSecret: {
            auto *edit = new QPlainTextEdit(page);
            edit->setTabChangesFocus(true);
            edit->setLineWrapMode(QPlainTextEdit::NoWrap);
            edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 6);
            QFont mono(QStringLiteral("monospace"));
            mono.setStyleHint(QFont::Monospace);
            edit->setFont(mono);
            connect(edit, &QPlainTextEdit::textChanged, this, &CredentialDialog::validate);
            f.editor = edit;
            break;
        }
        }
        f.editor->setObjectName(fieldObjectName(type, f.name));
        const bool secret = f.kind == Kind::Secret || f.kind == Kind::MultilineSecret;
        const bool hasStored = mine && m_existing.hasSecret(f.name);
        // The field on its row (its label beside it), then its actions on
        // a row of their own.
        form->addRow(f.labelWidget, f.editor);
        if (secret && (f.kind == Kind::MultilineSecret || (hasStored && !f.required))) {
            auto *box = new QWidget(page);
            auto *h = new QHBoxLayout(box);
            h->setContentsMargins(0, 0, 0, 0);
            if (f.kind == Kind::MultilineSecret) {
                f.load = new QPushButton(box);
                f.load->setObjectName(fieldObjectName(type, f.name, "load"));
                h->addWidget(f.load);
            }
            if (hasStored && !f.required) {
                f.clear = new QCheckBox(box);
                f.clear->setObjectName(fieldObjectName(type, f.name, "clear"));
                connect(f.clear, &QCheckBox::toggled, this, [this] {
                    retranslateUi();
                    validate();
                });
                h->addWidget(f.clear);
            }
            h->addStretch();
            form->addRow(QString(), box);
        }
        f.error = createFieldError(page, fieldObjectName(type, f.name, "error"));
        form->addRow(QString(), f.error);
        setFieldError(f.error, {});
        linkFieldError(f.error, f.editor);
        m_fields.append(f);
        if (f.load) {
            const qsizetype index = m_fields.size() - 1;
            connect(f.load, &QPushButton::clicked, this,
                    [this, index] { loadKeyFile(m_fields[index]); });
        }
    }
    m_pages->addWidget(page);
}

bool CredentialDialog::isSecret(const Field &field) const
{
    return field.kind == Kind::Secret || field.kind == Kind::MultilineSecret;
}

bool CredentialDialog::stored(const Field &field) const
{
    return !isCreate() && m_existing.type == field.type && m_existing.hasSecret(field.name);
}

QString CredentialDialog::text(const Field &field) const
{
    if (auto *edit = qobject_cast<QLineEdit *>(field.editor))
        return edit->text();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(field.editor))
        return plain->toPlainText();
    return {};
}

void CredentialDialog::loadKeyFile(Field &field)
{
    QFileDialog dialog(this, tr("Load private key"));
    dialog.setObjectName(QStringLiteral("credentials.keyFileDialog"));
    dialog.setFileMode(QFileDialog::ExistingFile);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    QFile file(dialog.selectedFiles().constFirst());
    if (!file.open(QIODevice::ReadOnly)) {
        setFieldError(field.error, tr("The file could not be read: %1").arg(file.errorString()));
        return;
    }
    if (file.size() > kMaxKeyFileBytes) {
        setFieldError(field.error, tr("This file is too large to be a private key."));
        return;
    }
    setFieldError(field.error, {});
    if (auto *plain = qobject_cast<QPlainTextEdit *>(field.editor))
        plain->setPlainText(QString::fromUtf8(file.readAll()));
}

QString CredentialDialog::choiceText(const QString &choice) const
{
    if (choice == QLatin1String("header"))
        return tr("Header");
    if (choice == QLatin1String("query"))
        return tr("Query parameter");
    // Product names, the same in every language.
    if (choice == QLatin1String("postgresql"))
        return QStringLiteral("PostgreSQL");
    if (choice == QLatin1String("mysql"))
        return QStringLiteral("MySQL");
    return choice;
}

void CredentialDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void CredentialDialog::showUsageState()
{
    if (!m_usageModel)
        return;
    const auto state = m_usageModel->state();
    const bool rows = m_usageModel->rowCount() > 0;
    m_usedBy->setVisible(rows);
    if (rows) {
        // As tall as its rows, at most five; more scroll (and fetch the
        // next page).
        const int shown = qMin(m_usageModel->rowCount(), 5);
        const int rowHeight = qMax(m_usedBy->sizeHintForRow(0), m_usedBy->fontMetrics().height());
        m_usedBy->setFixedHeight(m_usedBy->header()->sizeHint().height() + shown * rowHeight +
                                 2 * m_usedBy->frameWidth());
    }
    QString text;
    if (state == CredentialUsageModel::State::Loading)
        text = tr("Loading…");
    else if (state == CredentialUsageModel::State::Failed)
        text = tr("What uses this credential could not be read: %1")
                   .arg(m_usageModel->lastError().message);
    else if (state == CredentialUsageModel::State::Ready && !rows)
        text = tr("Nothing uses this credential; it can be deleted.");
    else if (rows)
        text = tr("While anything uses it, the credential cannot be deleted.");
    m_usedByState->setText(text);
    m_usedByState->setVisible(!text.isEmpty());
    if (isVisible())
        adjustSize();
}

void CredentialDialog::retranslateUi()
{
    setWindowTitle(isCreate() ? tr("New credential")
                              : tr("Edit credential \"%1\"").arg(m_existing.name));
    m_intro->setText(isCreate() ? tr("Secret fields are write-only: once stored they are never "
                                     "shown again, only replaced.")
                                : tr("Secret fields are write-only. Leave a stored secret empty "
                                     "to keep it; type a new value to replace it."));
    const auto setLabel = [this](QWidget *field, const QString &text) {
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(field)))
            label->setText(text);
    };
    if (m_usedByTitle) {
        m_usedByTitle->setText(tr("Used by"));
        m_usageModel->retranslate();
        m_usedBy->setToolTip(tr("Services that sign in with this credential."));
        showUsageState();
    }
    setLabel(m_name, tr("Name"));
    setLabel(m_description, tr("Description"));
    setLabel(m_type, tr("Type"));
    setLabel(m_visibility, tr("Visibility"));
    m_name->setPlaceholderText(tr("e.g. Billing API"));
    m_description->setPlaceholderText(tr("optional"));
    for (int i = 0; i < m_type->count(); ++i)
        m_type->setItemText(i, CredentialText::type(m_type->itemData(i).toString()));
    m_type->setToolTip(isCreate() ? QString()
                                  : tr("The type of a stored credential cannot change."));
    for (int i = 0; i < m_visibility->count(); ++i)
        m_visibility->setItemText(i,
                                  CredentialText::visibility(m_visibility->itemData(i).toString()));
    m_visibility->setToolTip(
        m_existing.visibility == QLatin1String("workspace")
            ? tr("Private: only you (and administrators). Shared and Workspace: every user of "
                 "this server can see and use it; only you and administrators can change it.")
            : tr("Private: only you (and administrators). Shared: every user can see it; only "
                 "you and administrators can change it."));
    for (Field &f : m_fields) {
        f.labelWidget->setText(f.required ? tr("%1 *").arg(tr(f.label)) : tr(f.label));
        const bool hasStored = stored(f);
        const bool clearing = f.clear && f.clear->isChecked();
        QString placeholder;
        if (isSecret(f)) {
            if (clearing)
                placeholder = tr("will be cleared");
            else if (hasStored)
                placeholder = tr("stored — unchanged");
            else if (!f.required)
                placeholder = tr("optional");
            else if (f.kind == Kind::MultilineSecret)
                placeholder = tr("Paste the private key (OpenSSH or PEM) or load it from a file");
        } else if (f.name == QLatin1String("tokenUrl")) {
            placeholder = QStringLiteral("https://auth.example.com/oauth/token");
        } else if (f.kind == Kind::Scopes) {
            placeholder = tr("space-separated, e.g. read write");
        } else if (f.name == QLatin1String("prefix")) {
            placeholder = tr("optional, e.g. Bearer");
        } else if (f.name == QLatin1String("name") && f.type == QLatin1String("api_key")) {
            placeholder = QStringLiteral("X-API-Key");
        }
        if (auto *edit = qobject_cast<QLineEdit *>(f.editor)) {
            edit->setPlaceholderText(placeholder);
            edit->setEnabled(!clearing);
        } else if (auto *plain = qobject_cast<QPlainTextEdit *>(f.editor)) {
            plain->setPlaceholderText(placeholder);
            plain->setEnabled(!clearing);
        } else if (auto *spin = qobject_cast<QSpinBox *>(f.editor)) {
            spin->setSpecialValueText(f.defaultPort > 0 ? tr("default (%1)").arg(f.defaultPort)
                                                        : tr("driver default"));
        } else if (auto *combo = qobject_cast<QComboBox *>(f.editor)) {
            for (int i = 0; i < combo->count(); ++i)
                combo->setItemText(i, choiceText(combo->itemData(i).toString()));
        }
        if (f.clear) {
            f.clear->setText(tr("Clear the stored value"));
            f.clear->setToolTip(tr("Remove the stored %1 when you press OK.").arg(tr(f.label)));
        }
        if (f.load) {
            f.load->setText(tr("Load from file..."));
            f.load->setToolTip(tr("Read the private key from a file."));
        }
    }
    alignLabels();
    validate();
}

void CredentialDialog::alignLabels()
{
    // The common fields and the type's form read as one form: one label
    // column as wide as the widest label of both.
    QList<QLabel *> labels;
    for (int row = 0; row < m_form->rowCount(); ++row) {
        if (auto *label =
                qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)
                                           ? m_form->itemAt(row, QFormLayout::LabelRole)->widget()
                                           : nullptr))
            labels << label;
    }
    for (const Field &f : std::as_const(m_fields))
        labels << f.labelWidget;
    int width = 0;
    for (QLabel *label : std::as_const(labels)) {
        label->setMinimumWidth(0);
        width = qMax(width, label->sizeHint().width());
    }
    for (QLabel *label : std::as_const(labels))
        label->setMinimumWidth(width);
}

void CredentialDialog::validate()
{
    bool ok = !m_name->text().trimmed().isEmpty();
    QString why = ok ? QString() : tr("Give the credential a name.");
    setFieldCheck(m_nameError, why);
    for (const Field &f : std::as_const(m_fields)) {
        if (f.type != currentType() || !f.required)
            continue;
        const bool filled =
            (f.kind == Kind::Text || isSecret(f)) ? !text(f).trimmed().isEmpty() : true;
        const bool fine = filled || (isSecret(f) && stored(f));
        const QString problem = fine ? QString() : tr("Fill in %1.").arg(tr(f.label));
        setFieldCheck(f.error, problem);
        if (fine)
            continue;
        if (ok)
            why = problem;
        ok = false;
    }
    QPushButton *okButton = m_buttons ? m_buttons->button(QDialogButtonBox::Ok) : nullptr;
    if (!okButton)
        return;
    okButton->setEnabled(ok && !m_sending);
    okButton->setToolTip(why);
}

QJsonObject CredentialDialog::request() const
{
    const QString type = currentType();
    QJsonObject data;
    for (const Field &f : m_fields) {
        if (f.type != type)
            continue;
        const QJsonValue old = isCreate() ? QJsonValue() : m_existing.data.value(f.name);
        switch (f.kind) {
        case Kind::Text: {
            const QString value = text(f).trimmed();
            if (isCreate()) {
                if (!value.isEmpty())
                    data.insert(f.name, value);
            } else if (value != old.toString()) {
                data.insert(f.name, value.isEmpty() ? QJsonValue(QJsonValue::Null) : value);
            }
            break;
        }
        case Kind::Scopes: {
            const QStringList scopes = splitScopes(text(f));
            const QJsonArray array = QJsonArray::fromStringList(scopes);
            if (isCreate()) {
                if (!scopes.isEmpty())
                    data.insert(f.name, array);
            } else {
                QStringList before;
                for (const QJsonValue &s : old.toArray())
                    before << s.toString();
                if (old.isString())
                    before = splitScopes(old.toString());
                if (before != scopes)
                    data.insert(f.name, scopes.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                         : QJsonValue(array));
            }
            break;
        }
        case Kind::Port: {
            const int port = static_cast<QSpinBox *>(f.editor)->value();
            if (isCreate()) {
                if (port > 0)
                    data.insert(f.name, port);
            } else if (port != old.toInt(0)) {
                data.insert(f.name, port > 0 ? QJsonValue(port) : QJsonValue(QJsonValue::Null));
            }
            break;
        }
        case Kind::Choice: {
            const QString value = static_cast<QComboBox *>(f.editor)->currentData().toString();
            if (isCreate() || value != old.toString(f.choices.value(0)))
                data.insert(f.name, value);
            break;
        }
        case Kind::Secret:
        case Kind::MultilineSecret: {
            if (f.clear && f.clear->isChecked()) {
                data.insert(f.name, QJsonValue::Null);
                break;
            }
            QString value = text(f);
            if (f.kind == Kind::Secret)
                value = value.trimmed();
            else if (value.trimmed().isEmpty())
                value.clear();
            if (!value.isEmpty())
                data.insert(f.name, value);
            break;
        }
        }
    }
    const QString name = m_name->text().trimmed();
    const QString description = m_description->text().trimmed();
    const QString visibility = m_visibility->currentData().toString();
    if (isCreate()) {
        QJsonObject body{{QStringLiteral("name"), name},
                         {QStringLiteral("type"), type},
                         {QStringLiteral("visibility"), visibility},
                         {QStringLiteral("data"), data}};
        if (!description.isEmpty())
            body.insert(QStringLiteral("description"), description);
        return body;
    }
    QJsonObject changes;
    if (name != m_existing.name)
        changes.insert(QStringLiteral("name"), name);
    if (description != m_existing.description)
        changes.insert(QStringLiteral("description"),
                       description.isEmpty() ? QJsonValue(QJsonValue::Null) : description);
    if (visibility != m_existing.visibility)
        changes.insert(QStringLiteral("visibility"), visibility);
    if (!data.isEmpty())
        changes.insert(QStringLiteral("data"), data);
    return changes;
}

void CredentialDialog::submit()
{
    if (!m_client || m_sending || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    const QJsonObject body = request();
    if (!isCreate() && body.isEmpty()) { // nothing changed
        m_result = m_existing;
        accept();
        return;
    }
    m_sending = true;
    setFieldError(m_error, {});
    setFieldError(m_nameError, {});
    for (Field &f : m_fields)
        setFieldError(f.error, {});
    validate();
    auto done = client::within(this, [this](Result<client::CredentialInfo> r) {
        m_sending = false;
        if (r) {
            m_result = *r;
            accept();
            return;
        }
        validate(); // Save again once something changes
        const hm::Error error = r.error();
        const QString field = AdminText::errorField(error);
        QLabel *target = m_error;
        if (field == QLatin1String("name")) {
            target = m_nameError;
        } else if (field.startsWith(QLatin1String("data."))) {
            for (Field &f : m_fields) {
                if (f.type == currentType() && field.mid(5) == f.name)
                    target = f.error;
            }
        }
        // It stands at its field until that field changes, and is worded
        // again on a language switch.
        setLocalizedFieldRefusal(target, [error] { return AdminText::error(error); });
    });
    client::CredentialsApi api(*m_client);
    if (isCreate()) {
        client::NewCredential c;
        c.name = body.value(QStringLiteral("name")).toString();
        c.description = body.value(QStringLiteral("description")).toString();
        c.type = body.value(QStringLiteral("type")).toString();
        c.visibility = body.value(QStringLiteral("visibility")).toString();
        c.data = body.value(QStringLiteral("data")).toObject();
        api.create(c, done);
    } else {
        api.update(m_existing.id, body, done);
    }
}

} // namespace hm::app
