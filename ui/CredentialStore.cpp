#include "ui/CredentialStore.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace crm {

CredentialStore::CredentialStore(const QString &service, QObject *parent) : QObject(parent), m_service(service) {}

QString CredentialStore::key(const QString &username, const QString &databaseLocation)
{
    return username.trimmed().toLower() + QLatin1Char('@') + databaseLocation;
}

void CredentialStore::read(const QString &key, std::function<void(bool, const QString &, const QString &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    // Never fall back to a plain file when no keychain is running.
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job *) {
        if (!done)
            return;
        if (job->error() == QKeychain::NoError)
            done(true, job->textData(), QString());
        else if (job->error() == QKeychain::EntryNotFound)
            done(false, QString(), QString());
        else
            done(false, QString(), job->errorString());
    });
    job->start(); // auto-deletes after finished
}

void CredentialStore::write(const QString &key, const QString &password, std::function<void(const QString &)> done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job *) {
        if (done)
            done(job->error() == QKeychain::NoError ? QString() : job->errorString());
    });
    job->start();
}

void CredentialStore::remove(const QString &key, std::function<void(const QString &)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job *) {
        const bool ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        if (done)
            done(ok ? QString() : job->errorString());
    });
    job->start();
}

} // namespace crm
