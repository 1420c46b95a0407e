#pragma once
// A small PBS scenario for the PBS personality tests (two servers, namespaces, an unfinished
// snapshot, prune jobs on pbs1 only).

#include "emulator/emulator.hpp"

#include <string>
#include <vector>

namespace pvr::emulator::test {

inline constexpr const char* k_pbs_token_id = "report@pbs!coverage";
inline constexpr const char* k_pbs_secret = "3a6f7c1e-5d2b-4c8e-9f10-2b7d6e4a1c55";
inline constexpr const char* k_pbs1 = "pbs1.example.lan";
inline constexpr const char* k_pbs2 = "pbs2.example.lan";

/// "PBSAPIToken=report@pbs!coverage:<secret>"
inline std::string good_pbs_auth() { return std::string("PBSAPIToken=") + k_pbs_token_id + ":" + k_pbs_secret; }

inline Token pbs_token() { return Token{k_pbs_token_id, k_pbs_secret}; }

inline std::vector<ScenarioFile> pbs_scenario_files() {
    const std::string p1 = std::string("pbs/") + k_pbs1 + "/";
    const std::string p2 = std::string("pbs/") + k_pbs2 + "/";
    return {
        {p1 + "version.json", R"({"version":"3.2","release":"4","repoid":"4940514b0f05"})"},
        {p1 + "admin/datastore.json",
         R"([{"store":"store1","comment":"SSD pool"},
             {"store":"offsite","comment":null,"maintenance":"type=offline,message=disk%20swap"}])"},
        {p1 + "status/datastore-usage.json",
         R"([{"store":"store1","total":1000,"used":400,"avail":600,"history":[0.4,null],"history-start":1714521600,
              "history-delta":1800},{"store":"offsite","error":"datastore 'offsite' is in offline maintenance mode: "}])"},
        {p1 + "admin/datastore/store1/status.json",
         R"({"total":1000,"used":400,"avail":600,
             "gc-status":{"upid":null,"index-file-count":0,"disk-bytes":0}})"},
        {p1 + "admin/datastore/store1/snapshots.json", R"([
            {"ns":"","backup-type":"vm","backup-id":"100","backup-time":2000,"owner":"sync@pbs!a","protected":false,
             "size":942,"files":[{"filename":"qemu-server.conf.blob","crypt-mode":"none","size":512},
                                 {"filename":"index.json.blob","crypt-mode":"none","size":430},
                                 {"filename":"client.log.blob"}]},
            {"ns":"","backup-type":"vm","backup-id":"100","backup-time":3000,"owner":"sync@pbs!a","protected":false,
             "files":[{"filename":"qemu-server.conf.blob"}]},
            {"ns":"","backup-type":"vm","backup-id":"100","backup-time":1000,"owner":"sync@pbs!a","protected":true,
             "size":942,"files":[{"filename":"qemu-server.conf.blob","crypt-mode":"none","size":512},
                                 {"filename":"index.json.blob","crypt-mode":"none","size":430}]},
            {"backup-type":"ct","backup-id":"205","backup-time":1500,"owner":"sync@pbs!a","protected":false,
             "group-comment":"database","files":[{"filename":"pct.conf.blob"},{"filename":"index.json.blob"}]},
            {"ns":"a","backup-type":"vm","backup-id":"100","backup-time":1100,"owner":"sync@pbs!b","protected":false,
             "files":[{"filename":"index.json.blob"}]},
            {"ns":"a/b","backup-type":"vm","backup-id":"300","backup-time":1200,"owner":"sync@pbs!b","protected":false,
             "files":[{"filename":"index.json.blob"}]},
            {"ns":"c","backup-type":"host","backup-id":"fs01","backup-time":1300,"owner":"backup@pbs","protected":false,
             "files":[{"filename":"index.json.blob"}]}])"},
        {p1 + "config/prune.json",
         R"([{"id":"daily-store1","store":"store1","schedule":"daily","keep-last":3},
             {"id":"offsite-weekly","store":"offsite","schedule":"sat 18:15","keep-weekly":4}])"},
        {p1 + "admin/prune.json",
         R"([{"id":"daily-store1","store":"store1","schedule":"daily","keep-last":3,"next-run":1717113600,
              "last-run-state":"OK","last-run-endtime":1717027274},
             {"id":"offsite-weekly","store":"offsite","schedule":"sat 18:15","keep-weekly":4}])"},
        {p1 + "config/datastore.json",
         R"([{"name":"store1","path":"/mnt/datastore/store1","gc-schedule":"daily"},
             {"name":"offsite","path":"/mnt/datastore/offsite"}])"},
        {p1 + "config/verify.json", R"([{"id":"weekly-verify","store":"store1","schedule":"sat 03:00"}])"},
        {p1 + "access/permissions.json",
         R"({"/datastore":{"Datastore.Audit":true,"Datastore.Backup":false},"/":{"Sys.Audit":false}})"},
        {p1 + "nodes/localhost/time.json", R"({"timezone":"Europe/Vienna","time":1717000000,"localtime":1717007200})"},
        {p2 + "version.json", R"({"version":"2.1","release":"5","repoid":"0123"})"},
        {p2 + "admin/datastore/tank/snapshots.json",
         R"([{"backup-type":"vm","backup-id":"101","backup-time":5000,"owner":"root@pam","protected":false,
              "files":[{"filename":"index.json.blob"}]}])"},
        {"pve/version.json", R"({"version":"8.2.4","release":"8.2","repoid":"faa83925c9641325"})"},
        {"pve/storage.json", R"([{"storage":"local","type":"dir","content":"backup"},
            {"storage":"pbs-main","type":"pbs","server":"pbs1.example.lan","datastore":"store1",
             "fingerprint":"00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"},
            {"storage":"pbs-tank","type":"pbs","server":"pbs2.example.lan","datastore":"tank"},
            {"storage":"pbs-gone","type":"pbs","server":"pbs9.example.lan","datastore":"x"}])"},
    };
}

} // namespace pvr::emulator::test
