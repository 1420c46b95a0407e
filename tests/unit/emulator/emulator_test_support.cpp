#include "emulator_test_support.hpp"

#include <openssl/pem.h>
#include <openssl/x509.h>

namespace pvr::emulator::test {

std::string good_auth() { return std::string("PVEAPIToken=") + k_token_id + "=" + k_secret; }

std::vector<ScenarioFile> small_scenario_files() {
    std::string long_log;
    for (int i = 1; i <= 120; ++i) {
        long_log += "INFO: line " + std::to_string(i) + "\n";
    }
    return {
        {"pve/version.json", R"({"version":"8.2.4","release":"8.2","repoid":"faa83925c9641325"})"},
        {"pve/nodes.json", R"([{"node":"pve1","status":"online"},{"node":"pve2","status":"online"},
                               {"node":"pve3","status":"offline"}])"},
        {"pve/cluster/resources.json",
         R"([{"id":"/pool/prod","pool":"prod","type":"pool"},
             {"id":"qemu/100","vmid":100,"type":"qemu","node":"pve1","status":"running","name":"web01"},
             {"id":"lxc/101","vmid":101,"type":"lxc","node":"pve1","status":"running","name":"db01"},
             {"id":"node/pve1","node":"pve1","type":"node","status":"online"},
             {"id":"storage/pve1/local","storage":"local","node":"pve1","type":"storage"},
             {"id":"sdn/pve1/localnetwork","sdn":"localnetwork","node":"pve1","type":"sdn"}])"},
        {"pve/storage.json", R"([{"storage":"local","type":"dir","content":"backup,iso"},
                                 {"storage":"pbs-main","type":"pbs","content":"backup"}])"},
        {"pve/pools.json", R"([{"poolid":"prod","comment":"production","members":[
                                  {"id":"qemu/100","vmid":100,"type":"qemu","node":"pve1"},
                                  {"id":"storage/pve1/local","storage":"local","type":"storage","node":"pve1"}]},
                               {"poolid":"lab","members":[]}])"},
        {"pve/cluster/backup.json",
         R"([{"id":"backup-1","type":"vzdump","enabled":1,"schedule":"21:00","all":1,"next-run":1735761600}])"},
        {"pve/nodes/pve1/tasks.json", R"([
            {"upid":"UPID:pve1:00000005:00000001:67744D45:vzdump::root@pam:","node":"pve1","starttime":1735675205,
             "type":"vzdump","id":"","user":"root@pam"},
            {"upid":"UPID:pve1:00000004:00000001:67744D44:vzdump:100:root@pam:","node":"pve1","starttime":1735675204,
             "type":"vzdump","id":"100","user":"root@pam","endtime":1735675300,"status":"OK"},
            {"upid":"UPID:pve1:00000003:00000001:67744D43:vzdump::root@pam:","node":"pve1","starttime":1735675203,
             "type":"vzdump","id":"","user":"root@pam","endtime":1735675299,"status":"job errors"},
            {"upid":"UPID:pve1:00000002:00000001:67744D42:qmstart:101:Admin@pve:","node":"pve1","starttime":1735675202,
             "type":"qmstart","id":"101","user":"Admin@pve","endtime":1735675210,"status":"WARNINGS: 2"},
            {"upid":"UPID:pve1:00000001:00000001:67744D41:vzdump:101:root@pam:","node":"pve1","starttime":1735675201,
             "type":"vzdump","id":"101","user":"root@pam","endtime":1735675298,"status":"unexpected status"}])"},
        {"pve/nodes/pve1/tasks/UPID_pve1_00000003_00000001_67744D43_vzdump__root@pam_.log", long_log},
        {"pve/nodes/pve1/qemu/100/config.json", R"({"name":"web01","scsi0":"local-lvm:vm-100-disk-0,size=32G"})"},
        {"pve/nodes/pve1/lxc/101/config.json", R"({"hostname":"db01","rootfs":"local-zfs:subvol-101-disk-0"})"},
    };
}

EmulatorOptions options_with_token() {
    EmulatorOptions options;
    options.tokens.push_back(Token{k_token_id, k_secret});
    return options;
}

std::unique_ptr<httplib::SSLClient> make_client(const Emulator& emulator) {
    auto client = std::make_unique<httplib::SSLClient>("127.0.0.1", emulator.port());
    const std::string& pem = emulator.certificate_pem();
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    X509_STORE* store = X509_STORE_new();
    X509_STORE_add_cert(store, cert);
    X509_free(cert);
    client->set_ca_cert_store(store); // the client's SSL_CTX takes ownership
    client->enable_server_certificate_verification(true);
    client->set_keep_alive(true);
    client->set_read_timeout(10, 0);
    return client;
}

httplib::Result get(httplib::SSLClient& client, const std::string& path, const std::string* authorization) {
    httplib::Headers headers;
    const std::string value = authorization ? *authorization : good_auth();
    if (!value.empty()) {
        headers.emplace("Authorization", value);
    }
    return client.Get(path, headers);
}

nlohmann::json body_json(const httplib::Result& result) { return nlohmann::json::parse(result->body); }

} // namespace pvr::emulator::test
