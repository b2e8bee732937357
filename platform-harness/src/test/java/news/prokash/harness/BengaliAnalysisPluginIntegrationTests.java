package news.prokash.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test of the bengali-analysis plugin: its analyzers, installed in a real
 * Elasticsearch, over plain HTTP.
 */
class BengaliAnalysisPluginIntegrationTests {

	private static final String INDEX = "bengali-acceptance";

	/** The seed headline; its য় written as য + nukta (U+09AF U+09BC), as most keyboards do. */
	private static final String HEADLINE = "রাশি\u09AF\u09BCার পাশে আছেন কিম জং উন";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static String uri = "";

	@BeforeAll
	static void createIndexWithDocuments() throws Exception {
		uri = Infrastructure.elasticsearch().uri();
		request("DELETE", "/" + INDEX, null);
		Map<String, Object> title = Map.of("type", "text", "analyzer", "prokash_bengali", "fields",
				Map.of("exact", Map.of("type", "text", "analyzer", "prokash_bengali_exact")));
		assertThat(request("PUT", "/" + INDEX, Map.of("mappings", Map.of("properties", Map.of("title", title))))
			.statusCode()).isEqualTo(200);
		index("headline", HEADLINE);
		index("ascii-digits", "বিশ্বকাপে 12 গোল");
		index("bengali-digits", "ঢাকায় ১৯ জন আহত");
		index("city", "শহরে বৃষ্টি");
		assertThat(request("POST", "/" + INDEX + "/_refresh", null).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldFindTextWithYaNuktaByAQueryWithPrecomposedYya() throws Exception {
		assertThat(search("title", "রাশি\u09DFার")).containsExactly("headline");
		assertThat(search("title.exact", "রাশি\u09DFার")).containsExactly("headline");
	}

	@Test
	void shouldMatchBengaliAndAsciiDigitsBothWays() throws Exception {
		assertThat(search("title", "১২")).containsExactly("ascii-digits");
		assertThat(search("title", "19")).containsExactly("bengali-digits");
	}

	@Test
	void shouldFindAnInflectedFormByItsStem() throws Exception {
		assertThat(search("title", "রাশিয়া")).containsExactly("headline");
	}

	@Test
	void shouldKeepShaAndSaApartOnlyOnTheExactSubfield() throws Exception {
		assertThat(search("title", "সহরে")).containsExactly("city");
		assertThat(search("title.exact", "সহরে")).isEmpty();
		assertThat(search("title.exact", "শহরে")).containsExactly("city");
	}

	@Test
	void shouldAnalyzeTheSeedHeadline() throws Exception {
		// exact: every word as written, in order (য + nukta and য় are one letter)
		assertThat(nfc(analyze("prokash_bengali_exact", HEADLINE))).containsExactly(nfc("রাশিয়ার"), "পাশে", "আছেন",
				"কিম", "জং", "উন");
		// full text: শ folded to স, case endings stemmed (-ার, -ে, -েন)
		assertThat(nfc(analyze("prokash_bengali", HEADLINE))).containsExactly(nfc("রাসিয়"), "পাস", "আছ", "কিম", "জং",
				"উন");
		String precomposed = "রাশি\u09DFার পাশে আছেন কিম জং উন";
		assertThat(analyze("prokash_bengali_exact", precomposed)).isEqualTo(analyze("prokash_bengali_exact", HEADLINE));
		assertThat(analyze("prokash_bengali", precomposed)).isEqualTo(analyze("prokash_bengali", HEADLINE));
	}

	/** Compares words whatever form of য় the analyzer emits (NFC writes it as য + nukta). */
	private static List<String> nfc(List<String> words) {
		return words.stream().map(BengaliAnalysisPluginIntegrationTests::nfc).toList();
	}

	private static String nfc(String word) {
		return Normalizer.normalize(word, Normalizer.Form.NFC);
	}

	private static void index(String id, String title) throws Exception {
		assertThat(request("PUT", "/" + INDEX + "/_doc/" + id, Map.of("title", title)).statusCode()).isEqualTo(201);
	}

	private static List<String> search(String field, String text) throws Exception {
		Map<String, Object> query = Map.of("query", Map.of("match", Map.of(field, text)));
		HttpResponse<String> response = request("POST", "/" + INDEX + "/_search", query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		json.readTree(response.body()).path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id").asString()));
		return ids;
	}

	private static List<String> analyze(String analyzer, String text) throws Exception {
		HttpResponse<String> response = request("POST", "/" + INDEX + "/_analyze",
				Map.of("analyzer", analyzer, "text", text));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> tokens = new ArrayList<>();
		for (JsonNode token : json.readTree(response.body()).path("tokens")) {
			tokens.add(token.path("token").asString());
		}
		return tokens;
	}

	private static HttpResponse<String> request(String method, String path, Object body)
			throws IOException, InterruptedException {
		HttpRequest.BodyPublisher publisher = (body != null)
				? HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))
				: HttpRequest.BodyPublishers.noBody();
		HttpRequest request = HttpRequest.newBuilder(URI.create(uri + path))
			.header("Content-Type", "application/json")
			.method(method, publisher)
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
