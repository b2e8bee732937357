package news.prokash.article.article;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import news.prokash.article.config.ArticleProperties;
import news.prokash.contracts.Article;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feeds for distribution: RSS 2.0 for the site and per section, and the Google News sitemap.
 * Written with StAX, so every text is escaped by the XML writer, never by hand.
 */
@RestController
class ArticleFeedController {

    static final int FEED_ITEMS = 50;

    /** Google News: articles of the last two days, at most 1,000 per sitemap. */
    static final Duration NEWS_SITEMAP_WINDOW = Duration.ofDays(2);

    static final int NEWS_SITEMAP_MAX = 1000;

    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    static final String DC_NS = "http://purl.org/dc/elements/1.1/";

    /** Crawlers poll feeds every few minutes; a minute of staleness is fine, a CDN absorbs the polling. */
    private static final CacheControl FEED_CACHE = CacheControl.maxAge(60, TimeUnit.SECONDS).cachePublic()
            .staleWhileRevalidate(60, TimeUnit.SECONDS);

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final ArticleRepository articles;

    private final ArticleProperties properties;

    ArticleFeedController(ArticleRepository articles, ArticleProperties properties) {
        this.articles = articles;
        this.properties = properties;
    }

    @GetMapping("/feeds/rss.xml")
    ResponseEntity<String> siteFeed() {
        return rss(null);
    }

    @GetMapping("/feeds/{section}/rss.xml")
    ResponseEntity<String> sectionFeed(@PathVariable String section) {
        if (!properties.sections().contains(section)) {
            throw new SectionNotFoundException();
        }
        return rss(section);
    }

    @GetMapping("/sitemaps/news.xml")
    ResponseEntity<String> newsSitemap() throws XMLStreamException {
        List<Article> recent = articles.publishedSince(Instant.now().minus(NEWS_SITEMAP_WINDOW), null, NEWS_SITEMAP_MAX);
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XML.createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("", "urlset", SITEMAP_NS);
        xml.writeDefaultNamespace(SITEMAP_NS);
        xml.writeNamespace("news", NEWS_NS);
        for (Article article : recent) {
            xml.writeStartElement("", "url", SITEMAP_NS);
            element(xml, "", SITEMAP_NS, "loc", article.url());
            xml.writeStartElement("news", "news", NEWS_NS);
            xml.writeStartElement("news", "publication", NEWS_NS);
            element(xml, "news", NEWS_NS, "name", properties.publicationName());
            element(xml, "news", NEWS_NS, "language", article.language());
            xml.writeEndElement();
            element(xml, "news", NEWS_NS, "publication_date", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(article.publishedAt()));
            element(xml, "news", NEWS_NS, "title", article.headline());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().cacheControl(FEED_CACHE).contentType(MediaType.parseMediaType("application/xml;charset=UTF-8"))
                .body(out.toString());
    }

    private ResponseEntity<String> rss(@Nullable String section) {
        List<Article> items = articles.publishedSince(Instant.EPOCH, section, FEED_ITEMS);
        String site = properties.siteBaseUrl().toString().replaceAll("/+$", "");
        String self = site + (section == null ? "/feeds/rss.xml" : "/feeds/" + section + "/rss.xml");
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("", "rss", "");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("atom", ATOM_NS);
            xml.writeNamespace("dc", DC_NS);
            xml.writeStartElement("", "channel", "");
            element(xml, "", "", "title", properties.publicationName() + (section == null ? "" : " : " + section));
            element(xml, "", "", "link", section == null ? site + "/" : site + "/" + section);
            element(xml, "", "", "description", properties.publicationName() + " : সর্বশেষ খবর");
            element(xml, "", "", "language", "bn");
            element(xml, "", "", "lastBuildDate", rfc822(items.isEmpty() ? OffsetDateTime.now(ZoneOffset.UTC)
                    : items.getFirst().updatedAt()));
            xml.writeEmptyElement("atom", "link", ATOM_NS);
            xml.writeAttribute("href", self);
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            for (Article article : items) {
                xml.writeStartElement("", "item", "");
                element(xml, "", "", "title", article.headline());
                element(xml, "", "", "link", article.url());
                xml.writeStartElement("", "guid", "");
                xml.writeAttribute("isPermaLink", "true");
                xml.writeCharacters(xmlText(article.url()));
                xml.writeEndElement();
                element(xml, "", "", "pubDate", rfc822(article.publishedAt()));
                element(xml, "", "", "description", article.summary() != null ? article.summary() : excerpt(article.bodyText()));
                element(xml, "", "", "category", article.section());
                element(xml, "dc", DC_NS, "creator", article.byline());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the feed", e);
        }
        return ResponseEntity.ok().cacheControl(FEED_CACHE).contentType(RSS).body(out.toString());
    }

    private static void element(XMLStreamWriter xml, String prefix, String namespace, String name, String text)
            throws XMLStreamException {
        xml.writeStartElement(prefix, name, namespace);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    /**
     * The text without the characters XML 1.0 cannot hold (C0 controls other than tab and line breaks,
     * lone surrogates, U+FFFE/U+FFFF). The StAX writer escapes markup but passes these through, and a single
     * one makes the whole feed unreadable to every crawler. Ingest refuses them; older or foreign events
     * may still carry them.
     */
    static String xmlText(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = pair || c == '\t' || c == '\n' || c == '\r'
                    || c >= 0x20 && c != '\uFFFE' && c != '\uFFFF' && !Character.isSurrogate(c);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (pair) {
                    out.append(c).append(text.charAt(i + 1));
                }
                else if (allowed) {
                    out.append(c);
                }
            }
            i += pair ? 1 : 0;
        }
        return out == null ? text : out.toString();
    }

    /** RSS 2.0 dates are RFC 822 (English day and month names), with the editor's offset. */
    private static String rfc822(OffsetDateTime time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time);
    }

    private static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
