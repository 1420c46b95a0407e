// The default streamed GET of http::Client: the whole answer, then written to the sink at once
// (test doubles and any client without real streaming).
#include "http/client.hpp"

namespace pvr::http {

StreamedResponse Client::get_streamed(const std::string& path, const Query& query, BodySink& sink) {
    Response response = get(path, query);
    sink.restart();
    StreamedResponse out{response.status, std::move(response.reason), response.body.size(), false};
    out.aborted = !sink.write(response.body);
    return out;
}

} // namespace pvr::http
